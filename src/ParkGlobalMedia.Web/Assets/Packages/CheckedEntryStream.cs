namespace ParkGlobalMedia.Assets.Packages;

/// <summary>
/// The decompressed bytes of one entry as the store reads them, counted and checksummed on the way: reading past the
/// entry's declared length, <see cref="H5PackageLimits.MaxEntryBytes"/> or the package's remaining allowance throws,
/// and so does reaching the end with a length or CRC-32 other than the header's.
/// </summary>
/// <remarks>
/// .NET 10's zip reader already stops at the declared length, which turns a lying header (a zip bomb that declares
/// 1 KB and inflates to 1 GB) into a cut-off entry whose checksum is wrong: the checksum catches that. The count is
/// kept anyway, because stopping at the declared length is the runtime's behaviour, not its documented contract.
/// </remarks>
/// <param name="allowance">What the limits leave for this entry: the smaller of MaxEntryBytes and the package's remaining bytes.</param>
internal sealed class CheckedEntryStream(Stream inner, H5Entry entry, uint crc32, long allowance) : Stream
{
    private uint _crc;

    public long BytesRead { get; private set; }

    /// <summary>The rejection this stream threw, kept in case the store caught it and carried on.</summary>
    public PackageRejectedException? Failure { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("Use H5Entry.Length.");
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ThrowIfFailed();
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (InvalidDataException)
        {
            throw Fail("is damaged or uses a compression method other than Deflate.");
        }

        return Checked(buffer.Length, read, buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfFailed();
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw Fail("is damaged or uses a compression method other than Deflate.");
        }

        return Checked(buffer.Length, read, buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads whatever the store left unread, so the length and checksum are checked all the same.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    // A store that caught the rejection and read on gets it again rather than more bytes.
    private void ThrowIfFailed()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    private int Checked(int requested, int read, ReadOnlySpan<byte> buffer)
    {
        BytesRead += read;
        if (BytesRead > entry.Length)
        {
            throw Fail($"unpacks to more than the {entry.Length:N0} bytes its header declares (a zip bomb?).");
        }

        if (BytesRead > allowance)
        {
            throw Fail("unpacks past the size limit for one file or for the package."); // only when declared sizes were not checked first
        }

        _crc = Crc32.Append(_crc, buffer[..read]);
        if (read == 0 && requested > 0)
        {
            if (BytesRead != entry.Length)
            {
                throw Fail($"holds {BytesRead:N0} bytes where its header declares {entry.Length:N0}; the package is damaged.");
            }

            if (_crc != crc32)
            {
                throw Fail("does not match its checksum: it is damaged, or its header lies about its size.");
            }
        }

        return read;
    }

    private PackageRejectedException Fail(string reason) => Failure = H5PackagePaths.Rejected(entry.Path, reason);

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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
