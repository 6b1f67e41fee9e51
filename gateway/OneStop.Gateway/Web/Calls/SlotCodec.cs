using Google.Protobuf;
using OneStop.Appointments.V1;

namespace OneStop.Gateway.Web.Calls;

/// <summary>
/// A slot offered by FindJointSlots travels to the hold or booking form as a hidden field (base64 of its protobuf
/// bytes). Trusting it is safe: the appointments service checks every slot it is sent against its own data.
/// </summary>
public static class SlotCodec
{
    public static string Encode(JointSlot slot) => Convert.ToBase64String(slot.ToByteArray());

    public static JointSlot? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 8192) return null;
        try
        {
            return JointSlot.Parser.ParseFrom(Convert.FromBase64String(value));
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
