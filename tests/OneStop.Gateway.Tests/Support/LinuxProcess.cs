using System.Globalization;

namespace OneStop.Gateway.Tests.Support;

/// <summary>
/// A process named by its id and its start time (field 22 of /proc/PID/stat), so that an id reused by a later
/// process is never mistaken for it.
/// </summary>
public sealed record LinuxProcess(int Id, ulong StartTime, string Command, char State = 'R')
{
    /// <summary>Still running: the same process (same start time), and not a zombie waiting to be reaped.</summary>
    public bool IsAlive => Read(Id) is { } now && now.StartTime == StartTime && now.State != 'Z';

    public void Kill()
    {
        if (!IsAlive) return;
        try { System.Diagnostics.Process.GetProcessById(Id).Kill(); }
        catch (ArgumentException) { /* gone meanwhile */ }
        catch (InvalidOperationException) { /* gone meanwhile */ }
    }

    /// <summary>Every living descendant of <paramref name="rootId"/>, read from /proc.</summary>
    public static IReadOnlyList<LinuxProcess> DescendantsOf(int rootId)
    {
        var byParent = System.IO.Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var id) ? ReadWithParent(id) : null)
            .OfType<(LinuxProcess Process, int Parent)>()
            .ToLookup(entry => entry.Parent, entry => entry.Process);
        var found = new List<LinuxProcess>();
        var pending = new Queue<int>([rootId]);
        while (pending.Count > 0)
        {
            foreach (var child in byParent[pending.Dequeue()])
            {
                found.Add(child);
                pending.Enqueue(child.Id);
            }
        }
        return found;
    }

    private static LinuxProcess? Read(int id) => ReadWithParent(id)?.Process;

    private static (LinuxProcess Process, int Parent)? ReadWithParent(int id)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{id}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after its last ')'.
        var close = stat.LastIndexOf(')');
        var command = stat[(stat.IndexOf('(') + 1)..close];
        var fields = stat[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime).
        return (new LinuxProcess(id, ulong.Parse(fields[19], CultureInfo.InvariantCulture), command, fields[0][0]),
            int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
