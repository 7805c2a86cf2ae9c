using System.IO.Compression;
using ParkGlobalMedia.Assets.Packages;

namespace ParkGlobalMedia.Tests.Assets.Packages;

/// <summary>An H5 package is judged from its central directory: paths, kinds of entry, sizes and an index.html.</summary>
public sealed class H5PackageValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pgm-h5-").FullName;

    [Fact]
    public void A_package_with_index_html_at_the_root_lists_its_files_with_content_types()
    {
        var zip = TestZip.Create(archive =>
        {
            archive.CreateEntry("css/"); // a folder entry
            TestZip.Add(archive, "index.html", "<h1>春节</h1>"u8.ToArray());
            TestZip.Add(archive, "css/site.css", "h1{}"u8.ToArray());
            TestZip.Add(archive, "./js/app.js", "go()"u8.ToArray());
            TestZip.Add(archive, "img\\logo.PNG", [1, 2, 3], CompressionLevel.NoCompression);
            TestZip.Add(archive, "app.js.map", "{}"u8.ToArray());
        });

        var package = H5PackageReader.Validate(Write(zip), new H5PackageLimits());

        Assert.Equal("index.html", package.EntryPoint);
        Assert.Equal(
            [
                new H5Entry("index.html", 15, "text/html"),
                new H5Entry("css/site.css", 4, "text/css"),
                new H5Entry("js/app.js", 4, "text/javascript"),
                new H5Entry("img/logo.PNG", 3, "image/png"),
                new H5Entry("app.js.map", 2, "application/octet-stream"),
            ],
            package.Entries);
        Assert.Equal(28, package.UncompressedBytes);
    }

    [Fact]
    public void A_zipped_folder_has_its_entry_point_inside_and_macos_litter_is_left_out()
    {
        var zip = TestZip.Create(
            ("spring-campaign/index.html", "<p>hi</p>"),
            ("spring-campaign/main.js", "go()"),
            ("spring-campaign/.DS_Store", "junk"),
            ("__MACOSX/spring-campaign/._index.html", "junk"));

        var package = H5PackageReader.Validate(Write(zip), new H5PackageLimits());

        Assert.Equal("spring-campaign/index.html", package.EntryPoint);
        Assert.Equal(["spring-campaign/index.html", "spring-campaign/main.js"], package.Entries.Select(e => e.Path));
    }

    [Theory]
    [InlineData("../evil.js", "'..'")]
    [InlineData("site/../../evil.js", "'..'")]
    [InlineData("..\\evil.js", "'..'")]
    [InlineData("site\\..\\..\\evil.js", "'..'")]
    [InlineData("/etc/cron.d/evil", "absolute")]
    [InlineData("C:\\Windows\\evil.js", "absolute")]
    [InlineData("\\\\server\\share\\evil.js", "absolute")]
    [InlineData("evil.js:hidden", "':'")]
    [InlineData("evil\u0001.js", "control characters")]
    [InlineData("setup.exe", "program")]
    [InlineData("run.sh", "program")]
    public void Dangerous_names_are_refused_and_named_in_the_message(string name, string reason)
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), (name, "x"));

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(name.Replace('\u0001', '?'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_in_a_legacy_code_page_is_refused_with_advice()
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), ("abcd.html", "x"));
        TestZip.ReplaceName(zip, "abcd.html", [0xCA, 0xD7, 0xD2, 0xB3, .. ".html"u8]); // 首页.html in GBK, no UTF-8 flag

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Contains("is not a UTF-8 file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_longer_than_the_limit_is_refused()
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), (new string('a', 38) + ".js", "x"));

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits { MaxPathLength = 40 }));

        Assert.Contains("longer than 40 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_is_refused()
    {
        var zip = TestZip.Create(archive =>
        {
            TestZip.Add(archive, "index.html", "<p>hi</p>"u8.ToArray());
            TestZip.Add(archive, "passwd", "/etc/passwd"u8.ToArray()).ExternalAttributes = unchecked((int)0xA1FF_0000); // lrwxrwxrwx
        });

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Equal("\"passwd\" is a symbolic link; a package holds only files and folders.", error.Message);
    }

    [Fact]
    public void An_encrypted_entry_is_refused()
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), ("secret.js", "go()"));
        TestZip.SetFlags(zip, "secret.js", 0x0001);

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Contains("\"secret.js\" is encrypted", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.js", "APP.JS")]
    [InlineData("js/app.js", "js/./app.js")]
    [InlineData("js/app.js", "js\\app.js")]
    public void Names_that_are_the_same_file_are_refused(string first, string second)
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), (first, "a"), (second, "b"));

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_entries_than_allowed_are_refused()
    {
        var zip = TestZip.Create([("index.html", "<p>hi</p>"), .. Enumerable.Range(1, 10).Select(i => ($"{i}.js", "x"))]);

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits { MaxEntries = 10 }));

        Assert.Equal("The package has 11 files and folders; at most 10 are allowed.", error.Message);
    }

    [Fact]
    public void A_bomb_that_declares_its_size_is_refused_by_its_compression_ratio()
    {
        var zip = TestZip.Create(archive =>
        {
            TestZip.Add(archive, "index.html", "<p>hi</p>"u8.ToArray());
            TestZip.Add(archive, "zeros.bin", new byte[20 * 1024 * 1024]); // about 1,000 to 1
        });

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.StartsWith("\"zeros.bin\" is compressed ", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than the 100 to 1 allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_sizes_over_the_limits_are_refused()
    {
        var zip = Write(TestZip.Create(("index.html", "<p>hi</p>"), ("a.js", new string('a', 600)), ("b.js", new string('b', 600))));

        var total = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(zip, new H5PackageLimits { MaxUncompressedBytes = 1_000 }));
        var single = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(zip, new H5PackageLimits { MaxEntryBytes = 500 }));

        Assert.Equal("The package unpacks to more than 1,000 bytes, the most allowed.", total.Message);
        Assert.Equal("\"a.js\" is 600 bytes; one file may be at most 500.", single.Message);
    }

    [Theory]
    [InlineData("main.js")] // nothing at all
    [InlineData("site/pages/index.html")] // too deep
    [InlineData("one/index.html", "two/index.html")] // two top-level folders
    [InlineData("site/index.html", "readme.txt")] // a folder, but not the only thing at the root
    public void A_package_without_index_html_at_the_root_or_in_one_top_folder_is_refused(params string[] names)
    {
        var zip = TestZip.Create([.. names.Select(n => (n, "x"))]);

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Equal("The package has no index.html at its root, nor inside a single top-level folder.", error.Message);
    }

    [Fact]
    public void A_file_that_is_also_a_folder_is_refused()
    {
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), ("assets", "x"), ("assets/a.js", "y"));

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(zip), new H5PackageLimits()));

        Assert.Contains("\"assets/a.js\" sits inside a folder that is also a file", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> NotZips => ["empty", "random", "truncated", "pdf"];

    [Theory]
    [MemberData(nameof(NotZips))]
    public void A_file_that_is_not_a_whole_zip_is_refused(string kind)
    {
        var random = new byte[2_048];
        new Random(7).NextBytes(random);
        var zip = TestZip.Create(("index.html", "<p>hi</p>"), ("a.js", "go()"));
        byte[] file = kind switch
        {
            "empty" => [],
            "random" => random,
            "truncated" => zip[..(zip.Length - 30)],
            _ => [.. "%PDF-1.7\n"u8, .. random],
        };

        var error = Assert.Throws<PackageRejectedException>(() => H5PackageReader.Validate(Write(file), new H5PackageLimits()));

        Assert.Equal("The file is not a zip archive, or it is damaged.", error.Message);
    }

    private string Write(byte[] zip)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllBytes(path, zip);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
