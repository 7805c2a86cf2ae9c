using ParkGlobalMedia.Assets.Storage;

namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>Reads stored upload parts one after another as one forward-only stream, opening each only when it is reached.</summary>
internal sealed class PartsStream(IBlobStorage storage, IReadOnlyList<string> keys) : Stream
{
    private int _next;
    private Stream? _current;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_current is null)
            {
                if (_next >= keys.Count)
                {
                    return 0;
                }

                var key = keys[_next++];
                _current = await storage.OpenReadAsync(key, cancellationToken) ?? throw new IOException($"Upload part {key} is missing from storage.");
            }

            var read = await _current.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await _current.DisposeAsync();
            _current = null;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
