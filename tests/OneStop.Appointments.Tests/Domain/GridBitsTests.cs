using OneStop.Appointments.Domain;

namespace OneStop.Appointments.Tests.Domain;

public sealed class GridBitsTests
{
    private static GridBits With(int length, params (int From, int To)[] runs)
    {
        var bits = new GridBits(length);
        foreach (var (from, to) in runs)
        {
            bits.Set(from, to);
        }
        return bits;
    }

    private static List<int> SetUnits(GridBits bits)
    {
        var units = new List<int>();
        for (var i = bits.NextSet(0); i >= 0; i = bits.NextSet(i + 1))
        {
            units.Add(i);
        }
        return units;
    }

    [Fact]
    public void Run_starts_across_word_boundaries()
    {
        var bits = With(200, (60, 70), (120, 190));

        Assert.Equal([60, 61, 62, 63, 64, 65, 66, 67], SetUnits(bits.RunStarts(3)).Where(i => i < 100));
        Assert.Equal(Enumerable.Range(120, 70 - 11), SetUnits(bits.RunStarts(12)).Where(i => i >= 100));
    }

    [Fact]
    public void Shifts_move_bits_and_drop_what_falls_off()
    {
        var bits = With(130, (0, 2), (127, 130));

        Assert.Equal([2, 3, 129], SetUnits(bits.ShiftedTowardsEnd(2)));
        Assert.Equal([62, 63, 64], SetUnits(bits.ShiftedTowardsStart(65)));
    }

    [Fact]
    public void Clear_and_and()
    {
        var a = With(100, (0, 100));
        a.Clear(10, 90);
        a.And(With(100, (0, 5), (95, 100)));

        Assert.Equal([0, 1, 2, 3, 4, 95, 96, 97, 98, 99], SetUnits(a));
    }
}
