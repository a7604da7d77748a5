using Bogus;

namespace CaseFlow.Cli.Demo;

/// <summary>
/// Names as the centers meet them: Kyrgyz and Uzbek names (Bogus has no locale for either, so they are listed here,
/// in Cyrillic as the centers write them) and Russian ones from Bogus's ru locale. The south's Uzbek share is larger in
/// Osh and Jalal-Abad than in Batken.
/// </summary>
public static class NameLists
{
    private static readonly string[] KyrgyzMen = ["Бакыт", "Нурлан", "Азамат", "Эрлан", "Алмазбек", "Жыргалбек", "Курманбек", "Талант", "Улан", "Адилет", "Бектур", "Нурсултан", "Мирлан", "Эмил", "Айбек"];
    private static readonly string[] KyrgyzWomen = ["Айгүл", "Гүлнара", "Нургүл", "Айжан", "Чолпон", "Жылдыз", "Асель", "Бермет", "Айпери", "Назгүл", "Динара", "Мээрим", "Алима", "Гүлзат", "Каныкей"];
    private static readonly string[] KyrgyzFamilies = ["Токтосунов", "Жээнбеков", "Осмонов", "Абдыкадыров", "Мамытов", "Сыдыков", "Турдубаев", "Бообеков", "Касымалиев", "Эшматов", "Айтматов", "Бейшеналиев"];
    private static readonly string[] UzbekMen = ["Бахтиёр", "Шерзод", "Улугбек", "Жасур", "Азиз", "Рустам", "Фаррух", "Дилшод", "Бобур", "Отабек", "Илхом", "Саидакбар"];
    private static readonly string[] UzbekWomen = ["Дилноза", "Гулнора", "Нилуфар", "Мохира", "Шахноза", "Зарина", "Феруза", "Малика", "Умида", "Севара", "Нодира", "Хуршида"];
    private static readonly string[] UzbekFamilies = ["Юсупов", "Каримов", "Рахимов", "Турсунов", "Абдуллаев", "Исмоилов", "Холматов", "Султанов", "Эргашев", "Мирзаев", "Назаров", "Усмонов"];

    /// <summary>A full name for someone of that sex ("female" or "male") registered in that province.</summary>
    public static string FullName(Faker faker, string province, string sex)
    {
        var woman = sex == "female";
        var uzbekShare = province == "Batken" ? 0.2 : 0.35;
        var roll = faker.Random.Double();
        if (roll < uzbekShare) return $"{faker.PickRandom(woman ? UzbekWomen : UzbekMen)} {Family(faker.PickRandom(UzbekFamilies), woman)}";
        if (roll < uzbekShare + 0.1)
        {
            var gender = woman ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
            return $"{faker.Name.FirstName(gender)} {faker.Name.LastName(gender)}";
        }
        return $"{faker.PickRandom(woman ? KyrgyzWomen : KyrgyzMen)} {Family(faker.PickRandom(KyrgyzFamilies), woman)}";
    }

    /// <summary>A child's first name only, with the family's surname.</summary>
    public static string ChildOf(Faker faker, string parent, string sex)
    {
        var family = parent.Split(' ').Last();
        var stem = family.EndsWith('а') ? family[..^1] : family;
        var names = sex == "female" ? KyrgyzWomen.Concat(UzbekWomen) : KyrgyzMen.Concat(UzbekMen);
        return $"{faker.PickRandom(names.ToArray())} {(sex == "female" ? stem + "а" : stem)}";
    }

    private static string Family(string male, bool woman) => woman ? male + "а" : male;
}
