import FoundationEssentials
import LambdaAPI

/// The reservation form's bound: Lambda keeps at least 100 of the account's concurrent
/// executions unreserved, so a function may reserve what is unreserved now, plus what it already
/// holds, less those 100 (GetAccountSettings' UnreservedConcurrentExecutions).
enum ReservedConcurrency {
    static let unreservedMinimum = 100
    static let standingHint = "empty removes the reservation; 0 stops all invocations"

    /// The most the form's function may reserve, when the account's limits are known.
    static func maximum(_ form: FormState, _ state: ConsoleState) -> Int? {
        guard let unreserved = state.accountLimit?.unreservedConcurrentExecutions else { return nil }
        let held = Int(form.field(.reserved)?.original ?? "") ?? 0
        return max(0, unreserved + held - unreservedMinimum)
    }

    /// The field's hint says the bound, or why it is not known.
    static func describe(_ form: FormState, _ state: ConsoleState) -> FormState {
        guard form.action == .reservedConcurrency, let index = form.fields.firstIndex(where: { $0.id == .reserved }) else { return form }
        var form = form
        if let most = maximum(form, state) {
            let limit = state.accountLimit?.concurrentExecutions.map { "the account's limit is \($0) and " } ?? ""
            form.fields[index].hint = "at most \(most): \(limit)\(unreservedMinimum) must stay unreserved; \(standingHint)"
        } else if let problem = state.accountLimitProblem {
            form.fields[index].hint = "\(standingHint); AWS checks the account's limit, which could not be read here: \(problem)"
        }
        return form
    }

    static func errors(_ form: FormState, _ state: ConsoleState) -> [(FieldID, String)] {
        guard form.action == .reservedConcurrency, let value = Int(form.value(.reserved)), let most = maximum(form, state), value > most
        else { return [] }
        return [(.reserved, "at most \(most): \(unreservedMinimum) of the account's executions must stay unreserved")]
    }
}
