using JourneyOrg.Web.Features.Opportunities;

namespace JourneyOrg.Tests.Web;

/// <summary>The value × effort matrix labels its dots without writing one label over another.</summary>
public sealed class ScatterLabelTests
{
    private static (double Left, double Top, double Right, double Bottom) Box(ScatterLabel l)
    {
        var width = l.Text.Length * 6.6;
        var left = l.Anchor == "end" ? l.X - width : l.X;
        return (left, l.Y - 10, left + width, l.Y + 3);
    }

    [Fact]
    public void Crowded_dots_get_labels_that_do_not_overlap_and_stay_inside_the_plot()
    {
        // The demo workspace's nine opportunities (Effort, Value), several close together, with long titles.
        (double Effort, double Value)[] scores = [(4.5, 80), (2, 75), (3.5, 72.5), (4, 70), (1, 67.5), (1, 62.5), (2.5, 62.5), (1.5, 52.5), (3, 50)];
        var dots = scores.Select((s, i) => (Scatter.X(s.Effort), Scatter.Y(s.Value), i + 1, $"Opportunity number {i + 1} with a long title")).ToList();
        var labels = Scatter.PlaceLabels(dots);

        Assert.Equal(9, labels.Count);
        Assert.All(labels.Select((l, i) => (l, i)), x => Assert.True(x.l.Text == $"{x.i + 1}" || x.l.Text.StartsWith($"{x.i + 1}. Opportunity"), x.l.Text));
        Assert.True(labels.Count(l => l.Text.Contains("Opportunity")) >= 6, string.Join(" | ", labels.Select(l => l.Text)));
        for (var a = 0; a < labels.Count; a++)
        {
            var box = Box(labels[a]);
            Assert.InRange(box.Left, 0, Scatter.Width);
            Assert.InRange(box.Right, 0, Scatter.Width);
            for (var b = a + 1; b < labels.Count; b++)
            {
                var other = Box(labels[b]);
                Assert.False(box.Left < other.Right && other.Left < box.Right && box.Top < other.Bottom && other.Top < box.Bottom,
                    $"label '{labels[a].Text}' overlaps '{labels[b].Text}'");
            }
        }
    }

    [Fact]
    public void A_dot_at_the_right_edge_is_labelled_to_its_left()
    {
        var label = Scatter.PlaceLabels([(Scatter.X(5), Scatter.Y(80), 1, "Night cover")]).Single();
        Assert.Equal(("end", "1. Night cover"), (label.Anchor, label.Text));
    }
}
