using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>ffmpeg's -progress lines as a progress bar: within 0..1, never backwards, 1 only when told the file is done.</summary>
public sealed class ProgressReporterTests
{
    [Fact]
    public void Progress_ignores_unknown_and_backward_times_and_stops_short_of_one()
    {
        var reports = new List<double>();
        var reporter = new ProgressReporter(new Collect(reports), TimeSpan.FromSeconds(2));

        foreach (var line in new[]
        {
            "frame=0", "out_time_us=N/A", "out_time_us=-23220", "out_time_us=500000", "progress=continue",
            "out_time_us=400000", "out_time_us=500000", "out_time_us=1000000", "out_time_us=2100000", "progress=end",
        })
        {
            reporter.OnLine(line);
        }

        Assert.Equal([0, 0.25, 0.5, 0.999], reports);
        reporter.Report(1);
        Assert.Equal(1, reports[^1]);
    }

    [Fact]
    public void Without_a_known_duration_only_the_end_is_reported()
    {
        var reports = new List<double>();
        var reporter = new ProgressReporter(new Collect(reports), TimeSpan.Zero);
        reporter.OnLine("out_time_us=500000");
        reporter.Report(1);
        Assert.Equal([1], reports);
    }

    private sealed class Collect(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
