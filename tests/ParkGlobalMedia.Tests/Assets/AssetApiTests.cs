using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Assets;

/// <summary>
/// The asset bank end to end over HTTP, with real libvips and ffmpeg processing, on each database and storage
/// (see the bottom): upload, de-duplication, processing, renditions, search, licences, curation, usage.
/// </summary>
public abstract class AssetApiTests(AppFactory app) : IDisposable
{
    private readonly TestMedia _media = new();
    private Seed Seed => app.Seed;

    public void Dispose()
    {
        _media.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_to_one_library_return_the_existing_asset_and_another_library_gets_its_own()
    {
        var photo = _media.Image(320, 200);
        var editorA = app.Api(Seed.EditorA.Token);
        var first = await editorA.UploadNewAsync(Seed.EnterpriseA, photo, "crane.jpg");

        var (again, body) = await editorA.UploadAsync(Seed.EnterpriseA, photo, "crane-copy.jpg");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(first, Guid.Parse(body!["id"]!.GetValue<string>()));
        Assert.Equal("crane.jpg", body["fileName"]!.GetValue<string>());

        var other = await app.Api(Seed.EditorB.Token).UploadNewAsync(Seed.EnterpriseB, photo);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_at_once_becomes_one_asset()
    {
        var photo = _media.Image(300, 200);
        var editor = app.Api(Seed.EditorA.Token);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => editor.UploadAsync(Seed.EnterpriseA, photo)));

        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{r.Status} {r.Body?.ToJsonString()}"));
        Assert.Single(results.Select(r => r.Body!["id"]!.GetValue<string>()).Distinct());
        Assert.Single(results, r => r.Status == HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_so_a_png_named_jpg_is_a_png_and_html_named_jpg_is_refused()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var png = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(64, 64, "png"), "holiday.jpg");
        Assert.Equal("image/png", (await editor.AssetAsync(png))["contentType"]!.GetValue<string>());

        var (status, problem) = await editor.UploadAsync(Seed.EnterpriseA, Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(1)</script>"), "photo.jpg");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("decided from its content", problem.Detail());

        var (svgStatus, _) = await editor.UploadAsync(Seed.EnterpriseA, Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.svg");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, svgStatus);
    }

    [Fact]
    public async Task An_empty_upload_and_an_upload_without_a_library_get_precise_problems()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (empty, problem) = await editor.UploadAsync(Seed.EnterpriseA, []);
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Contains("empty", problem.Detail());

        var (noLibrary, missing) = await editor.UploadAsync(null, _media.Image(32, 32));
        Assert.Equal(HttpStatusCode.BadRequest, noLibrary);
        Assert.Contains("enterprise", missing.Detail());

        var (unknown, _) = await editor.UploadAsync("no-such-enterprise", _media.Image(32, 32));
        Assert.Equal(HttpStatusCode.BadRequest, unknown);

        var (foreign, _) = await editor.UploadAsync(Seed.EnterpriseB, _media.Image(32, 32));
        Assert.Equal(HttpStatusCode.Forbidden, foreign);
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("C:\\Users\\me\\海报.jpg", "海报.jpg")]
    [InlineData("evil\u0000\u202Egpj.exe", "evilgpj.exe")]
    public async Task File_names_are_cleaned_of_paths_control_and_bidi_characters(string name, string expected)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (_, body) = await editor.UploadAsync(Seed.EnterpriseA, _media.Image(40, 30 + name.Length), name);
        Assert.Equal(expected, body!["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_very_long_unicode_file_name_is_cut_without_splitting_a_character()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var name = string.Concat(Enumerable.Repeat("湘江👷🏽‍♀️", 80)) + ".jpg";
        var (_, body) = await editor.UploadAsync(Seed.EnterpriseA, _media.Image(41, 31), name);
        var stored = body!["fileName"]!.GetValue<string>();
        Assert.True(stored.Length <= 200, $"{stored.Length} characters");
        Assert.False(char.IsHighSurrogate(stored[^1]));
    }

    [Fact]
    public async Task A_processed_photo_has_every_preset_in_jpeg_and_webp_and_public_renditions_are_cached_for_a_year()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(1600, 1000));
        Assert.Equal("Pending", (await editor.AssetAsync(id))["processing"]!["state"]!.GetValue<string>());

        await app.ProcessAssetsAsync();
        var asset = await editor.AssetAsync(id);
        Assert.Equal("Ready", asset["processing"]!["state"]!.GetValue<string>());
        Assert.Equal(1600, asset["width"]!.GetValue<int>());
        var names = asset["renditions"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToHashSet();
        foreach (var preset in new[] { "thumb", "w320", "w640", "w960", "w1280", "og", "square", "portrait", "vertical" })
        {
            Assert.Contains($"{preset}.jpg", names);
            Assert.Contains($"{preset}.webp", names);
        }

        Assert.DoesNotContain("w1920.jpg", names); // never upscaled beyond the 1600-pixel source
        var og = asset["renditions"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "og.jpg")!;
        Assert.Equal((1200, 630), (og["width"]!.GetValue<int>(), og["height"]!.GetValue<int>()));
        Assert.Contains("640w", asset["srcset"]!.GetValue<string>());

        var reader = app.Api();
        var url = asset.Rendition("w640.webp")!;
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode); // internal licence: not public yet

        await editor.PatchAssetAsync(id, new { rights = new { licence = "public", creditLine = "Photo: Alpha" } });
        using var response = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("WEBP", Encoding.ASCII.GetString(bytes, 8, 4));

        using var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(response.Headers.ETag, head.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task A_new_focal_point_renders_again_under_a_new_url_and_the_old_url_redirects()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(900, 600));
        await app.ProcessAssetsAsync();
        var before = (await editor.AssetAsync(id)).Rendition("square.jpg")!;

        var patched = await editor.PatchAssetAsync(id, new { focalPoint = new { x = 0.1, y = 0.9 } });
        Assert.Equal("Pending", patched["processing"]!["state"]!.GetValue<string>());
        await app.ProcessAssetsAsync();
        var after = (await editor.AssetAsync(id)).Rendition("square.jpg")!;

        Assert.NotEqual(before, after);
        using var old = await editor.GetAsync(before);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(after, old.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_decompression_bomb_fails_processing_with_the_pixel_count_and_leaves_no_renditions()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.PngBomb(), "bomb.png");
        await app.ProcessAssetsAsync();

        var asset = await editor.AssetAsync(id);
        Assert.Equal("Failed", asset["processing"]!["state"]!.GetValue<string>());
        Assert.Contains("900,000,000", asset["processing"]!["error"]!.GetValue<string>());
        Assert.Empty(asset["renditions"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/assets/{id}")).Status);
    }

    [Fact]
    public async Task A_truncated_jpeg_and_an_unreadable_video_fail_processing_with_the_reason()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var photo = _media.Image(800, 600);
        var truncated = await editor.UploadNewAsync(Seed.EnterpriseA, photo[..(photo.Length / 3)], "cut.jpg");
        byte[] fakeVideo = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', .. RandomNumberGenerator.GetBytes(4000)];
        var video = await editor.UploadNewAsync(Seed.EnterpriseA, fakeVideo, "clip.mp4");
        await app.ProcessAssetsAsync();

        var jpeg = await editor.AssetAsync(truncated);
        Assert.Equal("Failed", jpeg["processing"]!["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(jpeg["processing"]!["error"]!.GetValue<string>()));
        var mp4 = await editor.AssetAsync(video);
        Assert.Equal("Failed", mp4["processing"]!["state"]!.GetValue<string>());
        Assert.Contains("ffprobe", mp4["processing"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_video_gets_a_poster_and_web_vertical_and_square_cuts()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Video(), "clip.mov");
        await app.ProcessAssetsAsync();

        var asset = await editor.AssetAsync(id);
        Assert.Equal("Ready", asset["processing"]!["state"]!.GetValue<string>());
        Assert.Equal("video/mp4", asset["contentType"]!.GetValue<string>());
        Assert.InRange(asset["durationSeconds"]!.GetValue<double>(), 1.5, 2.5);
        foreach (var name in new[] { "poster.jpg", "thumb.webp", "web.mp4", "vertical.mp4", "square.mp4" })
        {
            Assert.NotNull(asset.Rendition(name));
        }

        var square = asset["renditions"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "square.mp4")!;
        Assert.Equal(square["width"]!.GetValue<int>(), square["height"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_finds_assets_by_chinese_and_latin_words_in_any_culture_and_only_what_the_caller_may_see()
    {
        var editorA = app.Api(Seed.EditorA.Token);
        var id = await editorA.UploadNewAsync(Seed.EnterpriseA, _media.Image(200, 120));
        await app.ProcessAssetsAsync();
        await editorA.PatchAssetAsync(id, new
        {
            texts = new Dictionary<string, object>
            {
                ["zh-CN"] = new { title = "长沙工厂的混凝土泵车", alt = "一台橙色泵车" },
                ["en"] = new { title = "Concrete Pump Truck at the Changsha plant" },
            },
            tags = new[] { "Pump-Truck" },
        });

        foreach (var term in new[] { "泵车", "混凝土泵车", "PUMP truck", "changsha" })
        {
            var (_, page, _) = await editorA.ReadAsync($"/api/v1/assets?q={Uri.EscapeDataString(term)}");
            Assert.Contains(page!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());
        }

        var (_, none, _) = await editorA.ReadAsync($"/api/v1/assets?q={Uri.EscapeDataString("挖掘机")}&enterprise={Seed.EnterpriseA}");
        Assert.DoesNotContain(none!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());

        // Internal to alpha: beta's editor and anonymous readers do not find it.
        var (_, other, _) = await app.Api(Seed.EditorB.Token).ReadAsync("/api/v1/assets?q=%E6%B3%B5%E8%BD%A6");
        Assert.DoesNotContain(other!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());
        var (_, anonymous, _) = await app.Api().ReadAsync("/api/v1/assets?q=pump");
        Assert.DoesNotContain(anonymous!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());

        var (_, tagged, _) = await editorA.ReadAsync("/api/v1/assets?tag=pump-truck");
        Assert.Contains(tagged!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());
    }

    [Theory]
    [InlineData("kind=poster", "kind")]
    [InlineData("licence=7", "licence")]
    [InlineData("orientation=diagonal", "orientation")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("culture=xx-YY", "culture")]
    [InlineData("usableBy=centre", "usableBy")]
    public async Task Bad_search_filters_get_a_problem_naming_the_field(string query, string field)
    {
        var (status, problem, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/assets?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_curator_approves_a_submission_into_the_shared_bank_where_another_member_finds_and_uses_it()
    {
        var editorA = app.Api(Seed.EditorA.Token);
        var curator = app.Api(Seed.Curator.Token);
        var editorB = app.Api(Seed.EditorB.Token);
        var id = await editorA.UploadNewAsync(Seed.EnterpriseA, _media.Image(400, 300));
        await app.ProcessAssetsAsync();

        var (internalOnly, problem, _) = await editorA.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/submit", new { });
        Assert.Equal(HttpStatusCode.Conflict, internalOnly);
        Assert.Contains("internal", problem.Detail());

        await editorA.PatchAssetAsync(id, new { texts = new Dictionary<string, object> { ["zh-CN"] = new { title = "园区航拍夜景" } }, rights = new { licence = "members", creditLine = "摄影：阿尔法" } });
        var (submitted, _, _) = await editorA.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/submit", new { comment = "请收入共享库" });
        Assert.Equal(HttpStatusCode.OK, submitted);
        Assert.Equal(HttpStatusCode.Forbidden, (await editorA.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/approve", new { })).Status);
        var (_, queue, _) = await curator.ReadAsync("/api/v1/assets?sharing=submitted");
        Assert.Contains(queue!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());

        var (noReason, reasonProblem, _) = await curator.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/reject", new { comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Contains("why", reasonProblem.Detail());
        var (rejected, rejectedBody, _) = await curator.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/reject", new { comment = "请补充英文说明" });
        Assert.Equal(HttpStatusCode.OK, rejected);
        Assert.Equal("Rejected", rejectedBody!["sharing"]!.GetValue<string>());

        await editorA.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/submit", new { });
        var (approved, _, _) = await curator.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/approve", new { comment = "好" });
        Assert.Equal(HttpStatusCode.OK, approved);

        var (_, found, _) = await editorB.ReadAsync($"/api/v1/assets?q={Uri.EscapeDataString("航拍")}&usableBy={Seed.EnterpriseB}");
        Assert.Contains(found!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());
        var (story, _) = await editorB.CreateStoryAsync(Seed.EnterpriseB, "共享图片的故事");
        var (classified, classifiedBody, _) = await editorB.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story}",
            new { category = "human-stories", tags = new[] { "people" }, coverAssetId = id.ToString() }, ifMatch: "*");
        Assert.True(classified == HttpStatusCode.OK, classifiedBody?.ToJsonString());

        var history = (await editorA.AssetAsync(id))["history"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["uploaded", "edited", "submitted", "rejected", "submitted", "approved"], history);
        var usages = (await editorA.AssetAsync(id))["usages"]!.AsArray();
        Assert.Contains(usages, u => u!["subjectId"]!.GetValue<string>() == story.ToString() && u["role"]!.GetValue<string>() == "cover");
    }

    [Fact]
    public async Task An_expired_licence_blocks_new_use_and_a_withdrawn_asset_is_reported_where_it_is_used_and_hidden_from_readers()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var expired = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(300, 200));
        var used = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(300, 201));
        await app.ProcessAssetsAsync();
        await editor.PatchAssetAsync(expired, new { rights = new { licence = "public", expiresOn = "2020-01-31" } });
        await editor.PatchAssetAsync(used, new { rights = new { licence = "public" } });

        var (story, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "授权到期的照片");
        var (blocked, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story}/zh-CN/draft",
            ApiCalls.Content("授权到期的照片", $"![图]( asset:{expired})"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, blocked);
        Assert.Contains("expired on 2020-01-31", problem.Detail());

        var (saved, _, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story}/zh-CN/draft",
            ApiCalls.Content("授权到期的照片", $"![图](asset:{used})"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, saved);
        var url = (await editor.AssetAsync(used)).Rendition("w320.jpg")!;
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync(url)).StatusCode);

        var (withdrawn, _, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/assets/{used}/withdraw", new { comment = "肖像权问题" });
        Assert.Equal(HttpStatusCode.OK, withdrawn);
        var usage = (await editor.AssetAsync(used))["usages"]!.AsArray().Single()!;
        Assert.Equal(story.ToString(), usage["subjectId"]!.GetValue<string>());
        Assert.True(usage["blocked"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Other_enterprises_cannot_see_edit_or_delete_an_internal_asset()
    {
        var id = await app.Api(Seed.EditorA.Token).UploadNewAsync(Seed.EnterpriseA, _media.Image(100, 90));
        var editorB = app.Api(Seed.EditorB.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.ReadAsync($"/api/v1/assets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", new { tags = new[] { "x" } }, ifMatch: "*")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.SendAsync(HttpMethod.Delete, $"/api/v1/assets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/media/{id:N}/original")).StatusCode);
    }

    [Fact]
    public async Task Metadata_edits_need_if_match_and_report_every_invalid_field()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(100, 80));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await editor.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", new { tags = new[] { "x" } })).Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await editor.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", new { tags = new[] { "x" } }, ifMatch: "\"a999\"")).Status);

        var (_, _, etag) = await editor.ReadAsync($"/api/v1/assets/{id}");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", new
        {
            texts = new Dictionary<string, object> { ["xx"] = new { title = "?" } },
            rights = new { licence = "everyone", territories = new[] { "France" } },
            focalPoint = new { x = 1.5, y = 0.5 },
        }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        foreach (var field in new[] { "texts.xx", "rights.licence", "rights.territories", "focalPoint" })
        {
            Assert.NotNull(problem!["errors"]![field]);
        }
    }

    [Fact]
    public async Task A_resumable_upload_resumes_after_a_lost_chunk_and_checks_the_sha256()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var video = _media.Video(480, 270, 3);
        var sha = Convert.ToHexStringLower(SHA256.HashData(video));
        var (started, session, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/assets/uploads", new { enterprise = Seed.EnterpriseA, fileName = "航拍.mp4", length = video.Length, sha256 = sha });
        Assert.Equal(HttpStatusCode.Created, started);
        var href = session!["href"]!.GetValue<string>();
        var half = video.Length / 2;

        Assert.Equal(HttpStatusCode.OK, await PutChunkAsync(editor, href, video, 0, half));
        Assert.Equal(HttpStatusCode.Conflict, await PutChunkAsync(editor, href, video, 10, half)); // wrong offset
        var (_, progress, _) = await editor.ReadAsync(href);
        Assert.Equal(half, progress!["receivedBytes"]!.GetValue<long>());
        var (early, earlyProblem, _) = await editor.SendAsync(HttpMethod.Post, $"{href}/complete", new { });
        Assert.Equal(HttpStatusCode.Conflict, early);
        Assert.Contains($"from byte {half}", earlyProblem.Detail());

        Assert.Equal(HttpStatusCode.OK, await PutChunkAsync(editor, href, video, half, video.Length - half));
        var (completed, asset, _) = await editor.SendAsync(HttpMethod.Post, $"{href}/complete", new { });
        Assert.Equal(HttpStatusCode.Created, completed);
        Assert.Equal(sha, asset!["sha256"]!.GetValue<string>());
        Assert.Equal("航拍.mp4", asset["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resumable_upload_whose_bytes_do_not_match_the_declared_sha256_is_discarded()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var photo = _media.Image(120, 90);
        var (_, session, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/assets/uploads", new { enterprise = Seed.EnterpriseA, length = photo.Length, sha256 = new string('a', 64) });
        var href = session!["href"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, await PutChunkAsync(editor, href, photo, 0, photo.Length));
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, $"{href}/complete", new { });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("SHA-256", problem.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.ReadAsync(href)).Status);

        var (bad, badProblem, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/assets/uploads", new { enterprise = Seed.EnterpriseA, length = -1, sha256 = "xyz" });
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(badProblem!["errors"]!["length"]);
        Assert.NotNull(badProblem["errors"]!["sha256"]);
    }

    [Fact]
    public async Task On_demand_sizes_need_a_signature_from_the_platform()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(800, 600));
        await app.ProcessAssetsAsync();
        await editor.PatchAssetAsync(id, new { rights = new { licence = "public" } });

        var (status, signed, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/sizes", new { width = 300, height = 200, fit = "cover", format = "webp" });
        Assert.Equal(HttpStatusCode.OK, status);
        var url = signed!["url"]!.GetValue<string>();
        var reader = app.Api();
        using (var first = await reader.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("image/webp", first.Content.Headers.ContentType!.MediaType);
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode); // now from the storage cache
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(url.Replace("300x200", "301x200", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(url[..url.IndexOf('?', StringComparison.Ordinal)])).StatusCode);
        var (tooBig, _, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/sizes", new { width = 50000, height = 200 });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig);
    }

    [Fact]
    public async Task An_h5_package_is_served_from_its_own_path_in_a_script_sandbox_and_a_zip_slip_package_fails()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var package = Packages.TestZip.Create(zip =>
        {
            Packages.TestZip.Add(zip, "campaign/index.html", Encoding.UTF8.GetBytes("<!doctype html><html lang=\"en\"><title>H5</title><script src=\"app.js\"></script><img src=\"img/key.png\" alt=\"\"></html>"));
            Packages.TestZip.Add(zip, "campaign/app.js", Encoding.UTF8.GetBytes("document.title = 'ok';"));
            Packages.TestZip.Add(zip, "campaign/img/key.png", _media.Image(300, 200, "png"));
        });
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, package, "campaign.zip");
        var slip = await editor.UploadNewAsync(Seed.EnterpriseA, Packages.TestZip.Create(("index.html", "<p>hi</p>"), ("../../evil.js", "alert(1)")), "slip.zip");
        await app.ProcessAssetsAsync();
        await editor.PatchAssetAsync(id, new { rights = new { licence = "public" } });

        var asset = await editor.AssetAsync(id);
        Assert.Equal("Ready", asset["processing"]!["state"]!.GetValue<string>());
        Assert.NotNull(asset.Rendition("thumb.webp")); // the package's key visual as its preview
        var reader = app.Api();
        using var entry = await reader.GetAsync(asset["packageUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        using var page = await reader.GetAsync(entry.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sandbox allow-scripts", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/h5/{id:N}/campaign/img/key.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/h5/{id:N}/campaign/missing.js")).StatusCode);

        var failed = await editor.AssetAsync(slip);
        Assert.Equal("Failed", failed["processing"]!["state"]!.GetValue<string>());
        Assert.Contains("..", failed["processing"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Embedded_metadata_fills_credits_and_texts_and_public_renditions_keep_the_copyright_but_not_gps_or_camera()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, Metadata.JpegWithMetadata.WithEverything(_media.Image(800, 600)), "sunset.jpg");
        await app.ProcessAssetsAsync();

        var asset = await editor.AssetAsync(id);
        Assert.Equal("深圳湾公园日落", asset["texts"]!["zh-CN"]!["title"]!.GetValue<string>());
        Assert.Equal("张伟", asset["rights"]!["creator"]!.GetValue<string>());
        Assert.Equal("© 2024 公园全球传媒", asset["rights"]!["copyright"]!.GetValue<string>());
        Assert.StartsWith("22.54", asset["facts"]!["gps"]!.GetValue<string>());
        Assert.Contains("Canon", asset["facts"]!["camera"]!.GetValue<string>());
        Assert.Equal(600, asset["width"]!.GetValue<int>()); // EXIF orientation 6: upright, the sides swap

        using var rendition = await editor.GetAsync(asset.Rendition("w320.jpg"));
        var bytes = await rendition.Content.ReadAsByteArrayAsync();
        var directories = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.Empty(directories.OfType<MetadataExtractor.Formats.Exif.GpsDirectory>());
        Assert.DoesNotContain(directories.SelectMany(d => d.Tags), t => t.Name is "Make" or "Model");
        // EXIF text is ASCII: libvips transliterates (© becomes "(C)"); the Unicode credit travels in the pages that show it.
        Assert.Contains(directories.SelectMany(d => d.Tags), t => t.Name == "Copyright" && t.Description!.StartsWith("(C) 2024", StringComparison.Ordinal));

        // Only the owner's team sees where it was taken.
        await editor.PatchAssetAsync(id, new { rights = new { licence = "public" } });
        var (_, publicView, _) = await app.Api().ReadAsync($"/api/v1/assets/{id}");
        Assert.Null(publicView!["facts"]!["gps"]);
    }

    [Fact]
    public async Task A_pdf_poster_gets_a_preview_of_its_first_page()
    {
        using var images = new Imaging.TestImages();
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, await File.ReadAllBytesAsync(images.Pdf("poster.pdf", 2)), "poster.pdf");
        await app.ProcessAssetsAsync();

        var asset = await editor.AssetAsync(id);
        Assert.Equal("Ready", asset["processing"]!["state"]!.GetValue<string>());
        Assert.Equal("application/pdf", asset["contentType"]!.GetValue<string>());
        Assert.Equal("2", asset["facts"]!["pages"]!.GetValue<string>());
        Assert.NotNull(asset.Rendition("thumb.webp"));
    }

    [Fact]
    public async Task A_curator_groups_shared_assets_into_collections_but_cannot_rewrite_the_owners_texts()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var curator = app.Api(Seed.Curator.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(222, 111));
        await app.ProcessAssetsAsync();

        await curator.PatchAssetAsync(id, new { collections = new[] { "Hunan manufacturing" }, tags = new[] { "factory" } });
        var (_, grouped, _) = await curator.ReadAsync($"/api/v1/assets?collection={Uri.EscapeDataString("Hunan manufacturing")}");
        Assert.Contains(grouped!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id.ToString());

        var (_, _, etag) = await curator.ReadAsync($"/api/v1/assets/{id}");
        var (status, _, _) = await curator.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}",
            new { texts = new Dictionary<string, object> { ["en"] = new { title = "Curator's title" } } }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Deleting_an_asset_removes_its_files_and_one_in_use_cannot_be_deleted()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(500, 400));
        var used = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(500, 401));
        await app.ProcessAssetsAsync();
        var (_, signed, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/assets/{id}/sizes", new { width = 100, height = 100 });
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(signed!["url"]!.GetValue<string>())).StatusCode);
        var (story, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "用过的图片");
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story}/zh-CN/draft", ApiCalls.Content("用过的图片", $"![图](asset:{used})"), ifMatch: etag);

        var storage = app.Services.GetRequiredService<ParkGlobalMedia.Assets.Storage.IBlobStorage>();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.SendAsync(HttpMethod.Delete, $"/api/v1/assets/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.ReadAsync($"/api/v1/assets/{id}")).Status);
        Assert.Equal(0, await storage.DeletePrefixAsync($"renditions/{id:N}")); // presets and the on-demand size went with it

        var (conflict, problem, _) = await editor.SendAsync(HttpMethod.Delete, $"/api/v1/assets/{used}");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("used in 1 place", problem.Detail());
    }

    [Fact]
    public async Task A_published_story_shows_its_inline_asset_with_srcset_the_cultures_alt_text_and_the_credit()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var id = await editor.UploadNewAsync(Seed.EnterpriseA, _media.Image(1400, 900));
        await app.ProcessAssetsAsync();
        await editor.PatchAssetAsync(id, new
        {
            texts = new Dictionary<string, object> { ["zh-CN"] = new { alt = "装配车间里的挖掘机" } },
            rights = new { licence = "public", creditLine = "摄影：阿尔法机械" },
        });

        var (story, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "车间一角");
        var (_, _, saved) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story}/zh-CN/draft", ApiCalls.Content("车间一角", $"第一段。\n\n![](asset:{id})"), ifMatch: etag);
        etag = await editor.TransitionAsync(story, "zh-CN", "submit", saved!);
        etag = await app.Api(Seed.ReviewerA.Token).TransitionAsync(story, "zh-CN", "approve", etag);
        await editor.TransitionAsync(story, "zh-CN", "publish", etag);

        var (_, published, _) = await app.Api().ReadAsync($"/api/v1/stories/{story}/zh-CN");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(published!["bodyHtml"]!.GetValue<string>());
        var img = html.QuerySelector("figure.asset img")!;
        Assert.Equal("装配车间里的挖掘机", img.GetAttribute("alt"));
        Assert.Contains("640w", img.GetAttribute("srcset"));
        Assert.EndsWith(".webp 1280w", img.GetAttribute("srcset"));
        Assert.Equal("摄影：阿尔法机械", html.QuerySelector("figure.asset figcaption.credit")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync(img.GetAttribute("src"))).StatusCode);
    }

    private static async Task<HttpStatusCode> PutChunkAsync(HttpClient client, string href, byte[] file, int offset, int count)
    {
        using var content = new ByteArrayContent(file, offset, count);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + count - 1, file.Length);
        using var response = await client.PutAsync(href, content);
        return response.StatusCode;
    }
}

public sealed class AssetApiOnSqlite(SqliteAppFactory app) : AssetApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AssetApiOnPostgres(PostgresAppFactory app) : AssetApiTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>The same behaviour with blobs in S3-compatible storage, as a multi-instance deployment runs.</summary>
public sealed class AssetApiOnS3(S3AppFactory app) : AssetApiTests(app), IClassFixture<S3AppFactory>;
