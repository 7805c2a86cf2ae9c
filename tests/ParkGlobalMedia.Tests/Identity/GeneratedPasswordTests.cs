using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Tests.Identity;

/// <summary>Passwords the CLI and the admin generate must pass the platform's own password policy, every time.</summary>
public sealed class GeneratedPasswordTests
{
    [Fact]
    public void Every_generated_password_has_a_digit_a_lower_and_an_upper_case_letter_and_ten_characters()
    {
        // Without the retry about one in sixty lacks a digit, so 3,000 draws fail that version almost surely.
        foreach (var password in Enumerable.Range(0, 3_000).Select(_ => UserAccounts.GeneratePassword()))
        {
            Assert.True(password.Length >= 10 && password.Any(char.IsDigit) && password.Any(char.IsLower) && password.Any(char.IsUpper), password);
        }
    }
}
