namespace CaseFlow.ServiceDefaults.Security;

/// <summary>
/// A stream's state that belongs to one center (a case, its correspondence or reunification file): the write path
/// lets only that center's operators, supervisors and the system change it. Streams of no center (a charter flight)
/// are guarded by the access policy alone.
/// </summary>
public interface IBelongsToCenter
{
    string CenterId { get; }
}
