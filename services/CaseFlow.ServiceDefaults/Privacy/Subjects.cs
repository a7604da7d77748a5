using System.Security.Cryptography;
using System.Text;

namespace CaseFlow.ServiceDefaults.Privacy;

/// <summary>
/// The data subjects of a case, with ids every service derives alike from the case and the person's place in it
/// (name-based, RFC 4122 version 5): no service needs to be told whose key to use, or to erase.
/// </summary>
public static class Subjects
{
    private static readonly Guid Namespace = new("5f0e6a2c-4d8b-4f3e-9a51-7c2d9e8b1a40");

    public const string ApplicantPerson = "applicant";
    public const string EscortPerson = "escort";
    public const string MemberPrefix = "member:";

    public static Guid Applicant(Guid caseId) => Of(caseId, ApplicantPerson);

    public static Guid Member(Guid caseId, string memberId) => Of(caseId, MemberPrefix + memberId);

    /// <summary>The escort who travels with the case's child (Reunification records them).</summary>
    public static Guid Escort(Guid caseId) => Of(caseId, EscortPerson);

    /// <summary>"applicant", "escort" or "member:&lt;memberId&gt;": a person of the case.</summary>
    public static Guid Of(Guid caseId, string person)
    {
        var name = Encoding.UTF8.GetBytes($"{caseId:D}/{person}");
        var hash = SHA1.HashData([.. Namespace.ToByteArray(bigEndian: true), .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
