using System.Numerics;

namespace OneStop.Appointments.Domain;

/// <summary>
/// One bit per time unit of a search range (bit i = unit i is free). Joint availability is then a bitwise AND over
/// the participants, and "a run of n free units" a few shifted ANDs, which is what makes slot search cheap: a
/// 28-day range at 5-minute units is 126 machine words per resource.
/// </summary>
internal sealed class GridBits
{
    private readonly ulong[] _words;

    public GridBits(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    public int Length { get; }

    public static GridBits AllSet(int length)
    {
        var bits = new GridBits(length);
        bits.Set(0, length);
        return bits;
    }

    public bool this[int index] => index >= 0 && index < Length && (_words[index >> 6] & (1UL << index)) != 0;

    /// <summary>Sets units [from, to), clipped to the grid.</summary>
    public void Set(int from, int to) => Apply(from, to, set: true);

    /// <summary>Clears units [from, to), clipped to the grid.</summary>
    public void Clear(int from, int to) => Apply(from, to, set: false);

    public void And(GridBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void Or(GridBits other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    /// <summary>Bit i of the result is set iff units i … i + length − 1 are all set here.</summary>
    public GridBits RunStarts(int length)
    {
        var result = Copy();
        // Doubling: after each step, bit i says "the next `covered` units are free"; log2(length) shifts in all.
        var covered = 1;
        while (covered < length)
        {
            var step = Math.Min(covered, length - covered);
            result.And(result.ShiftedTowardsStart(step));
            covered += step;
        }
        return result;
    }

    /// <summary>Bit i of the result is bit i + k here (0 beyond the end).</summary>
    public GridBits ShiftedTowardsStart(int k)
    {
        var result = new GridBits(Length);
        int wordShift = k >> 6, bitShift = k & 63;
        for (var i = 0; i + wordShift < _words.Length; i++)
        {
            var low = _words[i + wordShift] >> bitShift;
            var high = bitShift != 0 && i + wordShift + 1 < _words.Length ? _words[i + wordShift + 1] << (64 - bitShift) : 0;
            result._words[i] = low | high;
        }
        return result;
    }

    /// <summary>Bit i of the result is bit i − k here (0 before the start).</summary>
    public GridBits ShiftedTowardsEnd(int k)
    {
        var result = new GridBits(Length);
        int wordShift = k >> 6, bitShift = k & 63;
        for (var i = _words.Length - 1; i - wordShift >= 0; i--)
        {
            var high = _words[i - wordShift] << bitShift;
            var low = bitShift != 0 && i - wordShift - 1 >= 0 ? _words[i - wordShift - 1] >> (64 - bitShift) : 0;
            result._words[i] = high | low;
        }
        result.Clear(Length, _words.Length * 64);
        return result;
    }

    /// <summary>The first set unit at or after <paramref name="from"/>, or −1.</summary>
    public int NextSet(int from)
    {
        if (from < 0)
        {
            from = 0;
        }
        if (from >= Length)
        {
            return -1;
        }
        var w = from >> 6;
        var word = _words[w] & (ulong.MaxValue << from);
        while (true)
        {
            if (word != 0)
            {
                var index = (w << 6) + BitOperations.TrailingZeroCount(word);
                return index < Length ? index : -1;
            }
            if (++w == _words.Length)
            {
                return -1;
            }
            word = _words[w];
        }
    }

    public GridBits Copy()
    {
        var copy = new GridBits(Length);
        Array.Copy(_words, copy._words, _words.Length);
        return copy;
    }

    private void Apply(int from, int to, bool set)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, set ? Length : _words.Length * 64);
        if (from >= to)
        {
            return;
        }
        var first = from >> 6;
        var last = (to - 1) >> 6;
        for (var w = first; w <= last; w++)
        {
            var mask = ulong.MaxValue;
            if (w == first)
            {
                mask &= ulong.MaxValue << from;
            }
            if (w == last)
            {
                mask &= ulong.MaxValue >> (63 - ((to - 1) & 63));
            }
            _words[w] = set ? _words[w] | mask : _words[w] & ~mask;
        }
    }
}
