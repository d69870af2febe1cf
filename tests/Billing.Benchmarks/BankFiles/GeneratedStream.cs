using System.Text;

namespace Billing.Benchmarks.BankFiles;

/// <summary>A read-only stream that encodes text chunks on demand, so a 1 GB file never exists on disk or in memory.</summary>
public sealed class GeneratedStream : Stream
{
    private readonly IEnumerator<string> _chunks;
    private byte[] _current = [];
    private int _offset;

    public GeneratedStream(IEnumerable<string> chunks)
    {
        _chunks = chunks.GetEnumerator();
    }

    public long BytesProduced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesProduced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset >= _current.Length)
        {
            if (!_chunks.MoveNext())
            {
                return 0;
            }

            _current = Encoding.UTF8.GetBytes(_chunks.Current);
            _offset = 0;
        }

        var n = Math.Min(count, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, n);
        _offset += n;
        BytesProduced += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunks.Dispose();
        }

        base.Dispose(disposing);
    }
}
