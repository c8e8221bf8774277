using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Zhengzhao.Common;

/// <summary>
/// Version 7 ids (RFC 9562) that also increase within one millisecond: the twelve <c>rand_a</c> bits are a counter
/// (§6.2, method 1). <see cref="SequentialGuid.Next()"/> fills them at random, so two rows written in the same
/// millisecond (a revocation and the breach behind it) came back from <c>ORDER BY id</c> in either order.
/// Reading a table in id order is now reading it in order of creation on one instance; across instances the ids stay
/// unique through their 62 random bits and ordered to the millisecond.
/// </summary>
public static class SequentialGuid
{
    private const int CounterMax = 0xFFF;
    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static Guid Next()
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            milliseconds = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastMilliseconds);
            if (milliseconds == lastMilliseconds)
            {
                // A clock that stepped back, or a burst of more than 4,096 ids, borrows from the next millisecond.
                if (++counter > CounterMax)
                {
                    milliseconds = ++lastMilliseconds;
                    counter = 0;
                }
            }
            else
            {
                lastMilliseconds = milliseconds;
                counter = 0;
            }

            sequence = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (sequence >> 8));
        bytes[7] = (byte)sequence;
        RandomNumberGenerator.Fill(bytes[8..]);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
