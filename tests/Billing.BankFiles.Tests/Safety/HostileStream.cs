using System.Text;

namespace Billing.BankFiles.Tests.Safety;

/// <summary>
/// A hostile file generated as it is read: a prefix, <c>count</c> copies of a filler, a suffix. Nothing is allocated for
/// the filler, so a test can offer a 200 MB token and assert that the parser refuses it long before the end.
/// </summary>
internal sealed class HostileStream(string prefix, string filler, long count, string suffix) : Stream
{
    private readonly byte[] _prefix = Encoding.UTF8.GetBytes(prefix);
    private readonly byte[] _filler = Encoding.UTF8.GetBytes(filler);
    private readonly byte[] _suffix = Encoding.UTF8.GetBytes(suffix);
    private long _position;

    /// <summary>How many bytes the parser pulled before it stopped.</summary>
    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _prefix.Length + (_filler.Length * count) + _suffix.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            buffer[written++] = ByteAt(_position++);
        }

        return written;
    }

    private byte ByteAt(long position)
    {
        if (position < _prefix.Length)
        {
            return _prefix[position];
        }

        position -= _prefix.Length;
        var fillerLength = _filler.Length * count;
        return position < fillerLength ? _filler[position % _filler.Length] : _suffix[position - fillerLength];
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
