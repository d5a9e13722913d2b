using System.Numerics;

namespace Leitbild.Teams.Core.Scheduling;

/// <summary>
/// A fixed-length set of grid cells as 64-bit words. The slot finder combines people, rooms and rules with word-wide
/// AND/OR and shifts instead of looping over minutes.
/// </summary>
internal sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length, bool value = false)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
        if (value)
        {
            Array.Fill(_words, ulong.MaxValue);
            ClearTail();
        }
    }

    public int Length { get; }

    public bool this[int index] => index >= 0 && index < Length && (_words[index >> 6] & (1UL << (index & 63))) != 0;

    public void Set(int index) => _words[index >> 6] |= 1UL << (index & 63);

    /// <summary>Sets cells [from, to), clipped to the set's length.</summary>
    public void SetRange(int from, int to, bool value = true)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, Length);
        for (var i = from; i < to;)
        {
            var word = i >> 6;
            var bit = i & 63;
            var count = Math.Min(64 - bit, to - i);
            var mask = count == 64 ? ulong.MaxValue : ((1UL << count) - 1) << bit;
            if (value)
            {
                _words[word] |= mask;
            }
            else
            {
                _words[word] &= ~mask;
            }
            i += count;
        }
    }

    public BitSet Clone()
    {
        var copy = new BitSet(Length);
        Array.Copy(_words, copy._words, _words.Length);
        return copy;
    }

    public void And(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void Or(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void Not()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] = ~_words[i];
        }
        ClearTail();
    }

    public bool IsEmpty => _words.All(w => w == 0);

    public int Count => _words.Sum(w => BitOperations.PopCount(w));

    /// <summary>The set cells in ascending order.</summary>
    public IEnumerable<int> Ones()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return (w << 6) + bit;
                word &= word - 1;
            }
        }
    }

    /// <summary>
    /// Cell s of the result is set when every cell in [s + offset, s + offset + length) is set here. Cells outside the
    /// set count as <paramref name="outside"/>. Doubling keeps it to log2(length) shift-ands per word.
    /// </summary>
    public BitSet AllInWindow(int offset, int length, bool outside)
    {
        if (length <= 0)
        {
            return new BitSet(Length, true);
        }
        // Work on a widened copy so cells beyond either end take the outside value.
        var margin = Math.Max(0, -offset);
        var extra = Math.Max(0, offset + length);
        var wide = new BitSet(margin + Length + extra);
        wide.CopyShifted(this, -margin);
        if (outside)
        {
            wide.SetRange(0, margin);
            wide.SetRange(margin + Length, wide.Length);
        }
        var covered = 1;
        while (covered * 2 <= length)
        {
            wide.AndShiftedInPlace(covered);
            covered *= 2;
        }
        if (covered < length)
        {
            wide.AndShiftedInPlace(length - covered);
        }
        // wide[i] now means the original wide[i .. i+length) were all set; result[s] = wide[margin + s + offset].
        var result = new BitSet(Length);
        result.CopyShifted(wide, margin + offset);
        return result;
    }

    /// <summary>this[i] = this[i] &amp;&amp; this[i + shift] for a positive shift. Ascending order is safe in place: word w
    /// reads only words w and above, which are not yet overwritten.</summary>
    private void AndShiftedInPlace(int shift)
    {
        for (var w = 0; w < _words.Length; w++)
        {
            _words[w] &= WordAt(w, shift);
        }
    }

    /// <summary>this[i] = source[i + shift] for every cell here.</summary>
    private void CopyShifted(BitSet source, int shift)
    {
        for (var w = 0; w < _words.Length; w++)
        {
            _words[w] = source.WordAt(w, shift);
        }
        ClearTail();
    }

    /// <summary>The 64 cells starting at (64·w + shift), cells past the end read as 0.</summary>
    private ulong WordAt(int w, int shift)
    {
        var start = (w << 6) + shift;
        var q = start >> 6;
        var r = start & 63;
        var low = Word(q) >> r;
        return r == 0 ? low : low | (Word(q + 1) << (64 - r));
    }

    private ulong Word(int index) => index >= 0 && index < _words.Length ? _words[index] : 0;

    private void ClearTail()
    {
        var tail = Length & 63;
        if (tail != 0 && _words.Length > 0)
        {
            _words[^1] &= (1UL << tail) - 1;
        }
    }
}
