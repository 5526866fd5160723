import AWSCore
import Testing

@Suite struct RetryStrategyTests {
    let throttled = AWSClientError.service(AWSServiceError(code: .throttlingException, message: "", status: 400, operation: "X"))

    @Test func backoffDoublesWithJitterAndIsCapped() {
        let strategy = RetryStrategy(maxAttempts: 10, random: { 0.999 })
        let delays = (1...9).compactMap { strategy.delay(after: throttled, attempt: $0, repeatability: .safe) }
        #expect(delays.count == 9)
        #expect(delays[0] < 1 && delays[1] < 2 && delays[2] < 4 && delays[1] > delays[0])
        #expect(delays.allSatisfy { $0 <= 20 })
        #expect(delays.last == 20)
    }

    @Test func givesUpAtMaxAttempts() {
        let strategy = RetryStrategy(maxAttempts: 2)
        #expect(strategy.delay(after: throttled, attempt: 1, repeatability: .safe) != nil)
        #expect(strategy.delay(after: throttled, attempt: 2, repeatability: .safe) == nil)
    }

    @Test func clientErrorsAreFinal() {
        let notFound = AWSClientError.service(AWSServiceError(code: .resourceNotFoundException, message: "", status: 404, operation: "X"))
        #expect(RetryStrategy().delay(after: notFound, attempt: 1, repeatability: .safe) == nil)
    }

    /// No libcurl (or no thread for it) is not a passing fault: it is said at once, not after backoffs.
    @Test func aNetworkThatCannotStartIsFinal() {
        let missing = AWSClientError.transport(.networkUnavailable("libcurl 4 is needed"))
        #expect(RetryStrategy().delay(after: missing, attempt: 1, repeatability: .safe) == nil)
        let refused = AWSClientError.transport(.cannotConnect("127.0.0.1:9"))
        #expect(RetryStrategy().delay(after: refused, attempt: 1, repeatability: .safe) != nil)
    }

    @Test func aRetryAfterLongerThanWeWaitIsSurfaced() {
        let slow = AWSClientError.service(AWSServiceError(code: .tooManyRequestsException, message: "", status: 429,
                                                          operation: "Invoke", retryAfter: 120))
        #expect(RetryStrategy().delay(after: slow, attempt: 1, repeatability: .safe) == nil)
        #expect(slow.description.contains("Try again in 120 s"))
    }

    @Test func quotaRunsDryDuringAnOutageAndRefillsOnSuccess() {
        let strategy = RetryStrategy(maxAttempts: 1000)
        var granted = 0
        while strategy.delay(after: throttled, attempt: 1, repeatability: .safe) != nil { granted += 1 }
        #expect(granted == 100)  // 500 tokens at 5 a retry
        strategy.recordSuccess(afterRetry: true)
        #expect(strategy.delay(after: throttled, attempt: 1, repeatability: .safe) != nil)
    }
}
