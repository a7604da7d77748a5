namespace CaseFlow.Correspondence.Letters;

/// <summary>
/// A command on one letter of a case's correspondence file: the API runs every one of them the same way, on the file
/// at the version the client named, answering with the letter and the file's new version.
/// </summary>
public interface ILetterCommand
{
    Guid LetterId { get; }

    /// <summary>The events this command produces on the file as it is now; none when it was already done.</summary>
    IReadOnlyList<object> Decide(CorrespondenceFile file);
}
