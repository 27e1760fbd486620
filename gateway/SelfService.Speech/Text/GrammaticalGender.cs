namespace SelfService.Speech.Text;

/// <summary>The gender a Russian number agrees with: один рубль, одна копейка, одно сообщение.</summary>
public enum GrammaticalGender
{
    Masculine,
    Feminine,
    Neuter,
}
