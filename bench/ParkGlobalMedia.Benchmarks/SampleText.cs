using System.Text;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// Deterministic, realistic story text: about 3,000 characters of Markdown per variant with headings, paragraphs,
/// bullet and numbered lists, a quote, a pipe table, links, emphasis and sometimes an <c>asset:</c> image, in the
/// variant's language with the mix of Chinese and English that the library really holds (Chinese names and terms in
/// the translations, English product names and figures in the Chinese source).
/// </summary>
public static class SampleText
{
    public const int TargetBodyLength = 3_000;

    private static readonly string[] Chinese =
    [
        "湘江重工在长沙经济技术开发区的智能工厂今年完成了第三期改造，新增的 5G 焊接机器人让臂架焊缝一次合格率提高到 99.2%。",
        "来自秘鲁、智利和哈萨克斯坦的 40 多名 operator 在为期两周的培训中学习了液压系统诊断与日常保养。",
        "园区管委会表示，将继续为出海企业提供“一站式”服务，包括出口退税、海外仓和跨境结算等政策支持。",
        "这批 SY500H 挖掘机将发往中亚的铜矿项目，预计明年一季度全部投入使用，当地服务团队已经提前到位。",
        "在“湖南园区名企开放日”活动中，留学生们走进生产线，与一线工程师面对面交流，并用自己的母语记录所见所闻。",
        "企业负责人介绍，海外营收占比已从五年前的 18% 提升到 37%，东南亚和中东市场增长最快。",
        "为了让海外客户更快拿到配件，公司在迪拜和圣保罗新建了两个区域备件中心，平均交付周期缩短到 48 小时。",
        "产业链上下游的 120 多家配套企业聚集在园区内，形成了从钢材加工到整机装配的完整链条。",
        "工程师周建华说：“机器要一直转下去，关键还是要把技术留给当地的兄弟们。”",
        "按照 ISO 14001 的要求，新厂区的光伏屋顶每年可减少二氧化碳排放约 1.2 万吨。",
    ];

    private static readonly string[] English =
    [
        "The smart factory in the Changsha Economic and Technological Development Zone finished its third retrofit this year, and the new 5G welding robots lifted the first-pass yield of boom welds to 99.2%.",
        "More than 40 operators from Peru, Chile and Kazakhstan spent two weeks learning hydraulic diagnostics and routine maintenance (液压诊断与日常保养).",
        "The park administration says it will keep offering exporters a one-stop service covering export tax rebates, overseas warehouses and cross-border settlement.",
        "This batch of SY500H excavators is bound for a copper mine in Central Asia and should be in service by the first quarter; the local service team is already on site.",
        "During the Hunan Parks Open Day (湖南园区名企开放日), international students walked the production lines and talked to engineers, recording what they saw in their own languages.",
        "Overseas revenue has risen from 18% of the total five years ago to 37% today, with South-East Asia and the Middle East growing fastest.",
        "To get parts to customers faster, the company opened regional spare-parts centres in Dubai and São Paulo, cutting average delivery to 48 hours.",
        "More than 120 suppliers along the chain have settled in the park, from steel processing to final assembly.",
        "\"If the machines are going to keep running, the skills have to stay with our brothers here,\" says engineer Zhou Jianhua (周建华).",
        "Following ISO 14001, the new plant's solar roof avoids about 12,000 tonnes of CO2 emissions a year.",
    ];

    private static readonly string[] French =
    [
        "L'usine intelligente de la zone de développement économique et technologique de Changsha a achevé cette année sa troisième modernisation ; les robots de soudage 5G ont porté le taux de réussite au premier passage à 99,2 %.",
        "Plus de 40 opérateurs venus du Pérou, du Chili et du Kazakhstan ont suivi deux semaines de formation au diagnostic hydraulique (液压诊断).",
        "L'administration du parc propose aux exportateurs un guichet unique : remboursement de la TVA à l'export, entrepôts à l'étranger et règlements transfrontaliers.",
        "Cette série d'excavatrices SY500H partira vers une mine de cuivre d'Asie centrale ; l'équipe de service locale est déjà sur place.",
        "La part du chiffre d'affaires réalisée à l'étranger est passée de 18 % à 37 % en cinq ans, portée par l'Asie du Sud-Est et le Moyen-Orient.",
        "« Pour que les machines continuent de tourner, il faut que le savoir-faire reste ici », explique l'ingénieur Zhou Jianhua (周建华).",
    ];

    private static readonly string[] Spanish =
    [
        "La fábrica inteligente de la Zona de Desarrollo Económico y Tecnológico de Changsha completó este año su tercera modernización y los robots de soldadura 5G elevaron la tasa de aprobación al primer intento al 99,2 %.",
        "Más de 40 operadores de Perú, Chile y Kazajistán pasaron dos semanas aprendiendo diagnóstico hidráulico (液压诊断) y mantenimiento.",
        "La administración del parque ofrece a los exportadores una ventanilla única con devolución de impuestos, almacenes en el exterior y liquidación transfronteriza.",
        "Este lote de excavadoras SY500H irá a una mina de cobre en Asia Central; el equipo de servicio local ya está en la faena.",
        "Los ingresos en el exterior pasaron del 18 % al 37 % en cinco años, impulsados por el Sudeste Asiático y Oriente Medio.",
        "\"Si las máquinas tienen que seguir funcionando, el oficio tiene que quedarse con ellos\", dice el ingeniero Zhou Jianhua (周建华).",
    ];

    private static readonly string[] Arabic =
    [
        "أكمل المصنع الذكي في منطقة تشانغشا للتنمية الاقتصادية والتكنولوجية هذا العام مرحلته الثالثة من التحديث، ورفعت روبوتات اللحام 5G نسبة النجاح من المحاولة الأولى إلى 99.2%.",
        "أمضى أكثر من 40 مشغلاً من بيرو وتشيلي وكازاخستان أسبوعين في تعلم تشخيص الأنظمة الهيدروليكية (液压诊断) والصيانة اليومية.",
        "تقدم إدارة المنطقة للمصدرين خدمة شاملة تشمل استرداد الضرائب والمستودعات الخارجية والتسويات العابرة للحدود.",
        "ستتجه هذه الدفعة من حفارات SY500H إلى منجم نحاس في آسيا الوسطى، وفريق الخدمة المحلي موجود بالفعل في الموقع.",
        "ارتفعت حصة الإيرادات الخارجية من 18% إلى 37% خلال خمس سنوات، بقيادة جنوب شرق آسيا والشرق الأوسط.",
        "يقول المهندس تشو جيان هوا (周建华): \"لكي تستمر الآلات في العمل، يجب أن تبقى المهارات هنا.\"",
    ];

    private static readonly Dictionary<string, string[]> Headings = new()
    {
        ["zh-CN"] = ["项目背景", "技术亮点", "海外市场", "人才培养", "园区服务", "下一步计划", "数据一览"],
        ["en"] = ["Background", "What is new", "Overseas markets", "Training people", "Park services", "What comes next", "Figures"],
        ["fr"] = ["Contexte", "Les nouveautés", "Marchés étrangers", "Former les équipes", "Services du parc", "La suite", "Chiffres"],
        ["es"] = ["Contexto", "Novedades", "Mercados exteriores", "Formación", "Servicios del parque", "Próximos pasos", "Cifras"],
        ["ar"] = ["الخلفية", "الجديد", "الأسواق الخارجية", "تدريب الكوادر", "خدمات المنطقة", "الخطوات التالية", "أرقام"],
    };

    private static readonly Dictionary<string, string[]> TitleWords = new()
    {
        ["zh-CN"] = ["智能工厂", "海外订单", "技能大赛", "开放日", "中非合作", "绿色制造", "一带一路", "人才培训"],
        ["en"] = ["Smart factory", "Overseas orders", "Skills contest", "Open day", "China-Africa partnership", "Green manufacturing", "Belt and Road", "Training"],
        ["fr"] = ["Usine intelligente", "Commandes à l'export", "Concours de compétences", "Portes ouvertes", "Partenariat Chine-Afrique", "Industrie verte", "Nouvelles routes de la soie", "Formation"],
        ["es"] = ["Fábrica inteligente", "Pedidos al exterior", "Concurso de habilidades", "Puertas abiertas", "Alianza China-África", "Manufactura verde", "Franja y Ruta", "Formación"],
        ["ar"] = ["مصنع ذكي", "طلبات خارجية", "مسابقة المهارات", "يوم مفتوح", "شراكة صينية أفريقية", "تصنيع أخضر", "الحزام والطريق", "تدريب"],
    };

    public static string Title(string culture, int story, Random random)
    {
        var words = TitleWords[culture];
        var a = words[random.Next(words.Length)];
        var b = words[random.Next(words.Length)];
        return culture == "zh-CN" ? $"{a}：{b}第 {story} 期" : $"{a}: {b} #{story}";
    }

    public static string Summary(string culture, Random random) => Paragraph(culture, random, 160);

    public static string Body(string culture, int story, Random random)
    {
        var headings = Headings[culture];
        var body = new StringBuilder(TargetBodyLength + 800);
        var section = 0;
        while (body.Length < TargetBodyLength)
        {
            body.Append("## ").Append(headings[section % headings.Length]).Append("\n\n");
            body.Append(Paragraph(culture, random, 380)).Append("\n\n");
            switch (section % 4)
            {
                case 0:
                    for (var i = 0; i < 4; i++)
                    {
                        body.Append("- ").Append(Sentence(culture, random)).Append('\n');
                    }

                    body.Append('\n');
                    break;
                case 1:
                    body.Append("> ").Append(Sentence(culture, random)).Append("\n\n");
                    body.Append("| 指标 Metric | 2023 | 2024 |\n|---|---:|---:|\n");
                    body.Append("| 海外营收 Overseas revenue (%) | 31 | 37 |\n");
                    body.Append("| 一次合格率 First-pass yield (%) | 97.8 | 99.2 |\n");
                    body.Append("| 备件交付 Parts delivery (h) | 96 | 48 |\n\n");
                    break;
                case 2:
                    for (var i = 1; i <= 3; i++)
                    {
                        body.Append(i).Append(". **").Append(Sentence(culture, random)[..12].TrimEnd()).Append("** ")
                            .Append(Sentence(culture, random)).Append('\n');
                    }

                    body.Append('\n');
                    break;
                default:
                    body.Append("See [the park's page](https://www.example.org/parks/changsha?story=").Append(story)
                        .Append(") and *").Append(Sentence(culture, random)[..20].TrimEnd()).Append("*.\n\n");
                    if (story % 3 == 0)
                    {
                        body.Append("![").Append(TitleWords[culture][story % TitleWords[culture].Length]).Append("](asset:bench-")
                            .Append(story % 50).Append(")\n\n");
                    }

                    break;
            }

            section++;
        }

        return body.ToString();
    }

    private static string Paragraph(string culture, Random random, int length)
    {
        var text = new StringBuilder(length + 200);
        while (text.Length < length)
        {
            if (text.Length > 0)
            {
                text.Append(culture == "zh-CN" ? "" : " ");
            }

            text.Append(Sentence(culture, random));
        }

        return text.ToString();
    }

    private static string Sentence(string culture, Random random)
    {
        var pool = culture switch
        {
            "zh-CN" => Chinese,
            "fr" => French,
            "es" => Spanish,
            "ar" => Arabic,
            _ => English,
        };
        return pool[random.Next(pool.Length)];
    }
}
