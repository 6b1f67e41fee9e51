using Grpc.Core;
using Microsoft.Extensions.Logging;
using OneStop.Appointments.Tests.TestSupport;
using OneStop.Appointments.V1;
using OneStop.ServiceDefaults.Logging;
using static OneStop.Appointments.Tests.TestSupport.TestCatalog;

namespace OneStop.Appointments.Tests.Grpc;

/// <summary>
/// What a client's bad id leaves in the service's log: the client gets a clear status, the log one short line at
/// Information or Warning, without a stack trace and without the client's value in full or its control characters.
/// </summary>
public sealed class ErrorLoggingTests
{
    private const int SafeLineLength = 600;
    private static readonly string HostileId = new string('a', 5000) + "\n2026-12-07 forged: admin signed in\u001b[31m";

    // The levels a deployment logs at; grpc-dotnet logs a handler's RpcException at Information (Grpc.AspNetCore.Server.ServerCallHandler).
    private static readonly Dictionary<string, string?> VerboseLogs = new()
    {
        ["Logging:LogLevel:Grpc"] = "Information",
        ["Logging:LogLevel:OneStop"] = "Information",
    };

    [Fact]
    public async Task A_5000_character_appointment_id_with_control_characters_is_an_invalid_argument_and_a_short_safe_log_line()
    {
        var logs = new CapturedLogs();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: VerboseLogs, logs: logs);

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => host.ClientFor(Frontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = HostileId }).ResponseAsync);
        Assert.StartsWith("appointment_id:", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaaaaa", error.Status.Detail, StringComparison.Ordinal);

        AssertSafe(logs, StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task A_5000_character_time_that_the_message_repeats_is_cut_and_escaped_in_the_status_and_the_log()
    {
        var logs = new CapturedLogs();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: VerboseLogs, logs: logs);
        await LoadAsync(host.ClientFor(Admin));
        var request = new FindJointSlotsRequest
        {
            AppointmentTypeId = AaType,
            RangeStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now),
            RangeEnd = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now.AddDays(7)),
        };
        request.ClientBlocked.Add(new BlockedWindow { Day = OneStop.Directory.V1.DayOfWeek.Tuesday, Start = HostileId, End = "11:00" });

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => host.ClientFor(Frontdesk).FindJointSlotsAsync(request).ResponseAsync);
        Assert.StartsWith("client_blocked[0].start:", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Status.Detail);
        Assert.DoesNotContain(new string('a', LogValue.MaxLength + 1), error.Status.Detail, StringComparison.Ordinal);

        AssertSafe(logs, StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task An_unknown_appointment_is_not_found_logged_at_information_without_a_stack_trace()
    {
        var logs = new CapturedLogs();
        await using var host = await AppointmentsTestHost.StartAsync(new ManualClock(Now), settings: VerboseLogs, logs: logs);

        await RpcAssert.FailsAsync(StatusCode.NotFound,
            () => host.ClientFor(Frontdesk).GetAppointmentAsync(new AppointmentIdRequest { AppointmentId = "appt-nobody" }).ResponseAsync);

        AssertSafe(logs, StatusCode.NotFound);
    }

    private static void AssertSafe(CapturedLogs logs, StatusCode code)
    {
        var lines = logs.Lines.ToList();
        // The refusal is logged once, as what it is: a client's error, at Information and without a stack trace.
        var refusal = Assert.Single(lines, l => l.Message.Contains($"'{code}'", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Null(refusal.Exception);
        foreach (var (category, level, message, exception) in lines)
        {
            // Nothing the client sent shows in full or forges a line, wherever it is logged.
            var text = message + exception;
            Assert.DoesNotContain(new string('a', LogValue.MaxLength + 1), text, StringComparison.Ordinal);
            Assert.DoesNotContain("forged", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', text);
            Assert.True(message.Length <= SafeLineLength, $"{level} line of {message.Length} characters: {message[..Math.Min(200, message.Length)]}");
            // grpc-dotnet logs an unmapped exception as an Error with its stack; other categories (a health check
            // that meets a busy database) are not about this call.
            if (category.StartsWith("Grpc.", StringComparison.Ordinal)) Assert.True(level < LogLevel.Error, $"{level}: {message}");
        }
    }
}
