namespace OneStop.Appointments.Data;

/// <summary>The record a request addresses by id (an appointment, a hold) does not exist in the caller's region (NOT_FOUND).</summary>
public sealed class RecordNotFoundException(string message) : Exception(message);
