namespace ParkGlobalMedia.Recipes;

/// <summary>A recipe that cannot be applied, naming the file, the step and the reason. Nothing of it was saved.</summary>
public sealed class RecipeException(string file, int? stepIndex, string? stepName, string reason, Exception? inner = null)
    : Exception(Format(file, stepIndex, stepName, reason), inner)
{
    public string File { get; } = file;
    public int? StepIndex { get; } = stepIndex;
    public string? StepName { get; } = stepName;
    public string Reason { get; } = reason;

    private static string Format(string file, int? stepIndex, string? stepName, string reason) =>
        stepIndex is null
            ? $"Recipe {file}: {reason}"
            : $"Recipe {file}, step {stepIndex + 1} ({stepName ?? "unnamed"}): {reason}";
}

/// <summary>Thrown by a step with the reason only; the runner adds file and step.</summary>
public sealed class RecipeStepException(string reason) : Exception(reason);
