namespace Billing.BankFiles.Text;

/// <summary>A read-only stream that replays a sniffed prefix and then continues with the rest of the source.</summary>
internal sealed class PrefixedStream : ForwardOnlyStream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _rest;
    private readonly bool _ownsRest;
    private int _position;

    public PrefixedStream(byte[] prefix, int prefixLength, Stream rest, bool ownsRest)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
        _rest = rest;
        _ownsRest = ownsRest;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefixLength)
        {
            var n = Math.Min(buffer.Length, _prefixLength - _position);
            _prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return _rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsRest)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
