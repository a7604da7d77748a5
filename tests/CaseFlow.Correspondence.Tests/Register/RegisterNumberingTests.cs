using CaseFlow.Correspondence.Register.Numbering;
using CaseFlow.Correspondence.Register.RecordingIncomingMail;
using CaseFlow.ServiceDefaults.Calendar;
using CaseFlow.ServiceDefaults.Errors;

namespace CaseFlow.Correspondence.Tests.Register;

public sealed class RegisterNumberingTests
{
    private static readonly CenterCalendar KaraSuu = CenterCalendars.Shipped.For("kara-suu");

    [Fact]
    public void Given_no_register_for_the_year_when_a_letter_is_numbered_then_the_register_opens_and_it_is_number_one()
    {
        var events = LetterRegister.Take(null, KaraSuu, RegisterDirection.Outgoing, Given.CaseId, Given.LetterId, Given.Sent, out var number);
        number.ShouldBe("KS-2020/0001");
        events[0].ShouldBeOfType<LetterRegisterOpened>().Year.ShouldBe(2020);
        events[1].ShouldBeOfType<RegisterNumberTaken>().Sequence.ShouldBe(1);
    }

    [Fact]
    public void Given_41_outgoing_and_6_incoming_numbers_then_each_direction_counts_on_its_own()
    {
        var register = new LetterRegister(LetterRegister.IdOf("kara-suu", 2020), "kara-suu", "KS", 2020, LastOutgoing: 41, LastIncoming: 6);
        LetterRegister.Take(register, KaraSuu, RegisterDirection.Outgoing, Given.CaseId, Given.LetterId, Given.Sent, out var outgoing);
        LetterRegister.Take(register, KaraSuu, RegisterDirection.Incoming, Given.CaseId, Given.LetterId, Given.Sent, out var incoming);
        outgoing.ShouldBe("KS-2020/0042");
        incoming.ShouldBe("KS-2020/IN-0007");
    }

    [Fact]
    public void Given_a_letter_sent_at_1_am_on_1_January_in_Bishkek_then_it_is_numbered_in_the_new_years_register()
    {
        var at = new DateTimeOffset(2020, 12, 31, 19, 0, 0, TimeSpan.Zero);
        LetterRegister.Take(null, KaraSuu, RegisterDirection.Outgoing, Given.CaseId, Given.LetterId, at, out var number);
        number.ShouldBe("KS-2021/0001");
        LetterRegister.IdOf("kara-suu", 2021).ShouldNotBe(LetterRegister.IdOf("kara-suu", 2020));
    }

    [Fact]
    public void Given_mail_claiming_to_answer_a_letter_never_sent_then_it_is_refused()
    {
        var mail = new RecordIncomingMail(Guid.NewGuid(), null, "Consulate", "R-1", "text", Given.LetterId, Given.Sent);
        Should.Throw<RuleViolated>(() => mail.Decide(Given.File(Given.LetterWasDrafted()), null, "KS-2020/IN-0001"));
    }

    [Fact]
    public void Given_mail_from_a_directory_agency_then_it_is_recorded_under_its_number_with_the_agencys_name()
    {
        var mail = new RecordIncomingMail(Guid.NewGuid(), "kg-mfa", "", "MFA-7", "text", null, Given.Sent);
        var recorded = mail.Decide(Given.File(), "Ministry of Foreign Affairs", "KS-2020/IN-0001");
        recorded.Sender.ShouldBe("Ministry of Foreign Affairs");
        recorded.RegisterNumber.ShouldBe("KS-2020/IN-0001");
        Given.File(recorded).IncomingMailCount.ShouldBe(1);
    }
}
