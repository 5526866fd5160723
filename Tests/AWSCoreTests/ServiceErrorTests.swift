@testable import AWSCore
import Foundation
import Testing

/// Error answers as a person reads them: the service and permission that were refused, a
/// Retry-After read as the HTTP specification writes it, and no message of unbounded length.
@Suite struct ServiceErrorTests {
    static let now = Date(timeIntervalSince1970: 1_795_600_800)  // Tue, 25 Nov 2026 10:00:00 GMT

    @Test(arguments: [("-5", 0.0), ("2", 2.0), ("Tue, 25 Nov 2026 10:00:30 GMT", 30.0), ("Tue, 25 Nov 2026 09:00:00 GMT", 0.0),
                      ("1e30", 86_400.0)])
    func retryAfterIsReadAsHTTPWritesIt(_ header: String, _ seconds: Double) {
        #expect(ServiceErrorDecoder.retryAfter(header, body: nil, now: Self.now) == seconds)
    }

    @Test(arguments: ["inf", "nan", "soon"])
    func aRetryAfterThatIsNoTimeIsIgnored(_ header: String) {
        #expect(ServiceErrorDecoder.retryAfter(header, body: nil, now: Self.now) == nil)
    }

    @Test func accessDeniedNamesTheServicesPermission() {
        let response = HTTPResponse(status: 400, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")]),
                                    body: Data(#"{"__type":"AccessDeniedException","message":"User is not authorized"}"#.utf8))
        let logs = ServiceErrorDecoder.decode(response, operation: "FilterLogEvents", service: AWSService.logs.iamPrefix, now: Self.now)
        #expect(logs.humanDescription.contains("permission for logs:FilterLogEvents"), "\(logs.humanDescription)")
        let metrics = ServiceErrorDecoder.decode(response, operation: "GetMetricData", service: AWSService.monitoring.iamPrefix, now: Self.now)
        #expect(metrics.humanDescription.contains("permission for cloudwatch:GetMetricData"))
    }

    @Test func aTenMegabyteMessageIsCut() {
        let message = String(repeating: "x", count: 10_000_000)
        let error = AWSServiceError(code: "SomethingException", message: message, status: 400, operation: "ListFunctions")
        #expect(error.humanDescription.count < 700)
    }

    @Test func aThrottlingSentenceWithAnAbsurdWaitDoesNotTrap() {
        let error = AWSServiceError(code: .throttlingException, message: "", status: 400, operation: "ListFunctions", retryAfter: 1e300)
        #expect(error.humanDescription.contains("Try again in"))
    }
}
