import AWSCore
import Foundation

/// An event-stream message as AWS frames it, for the scripted proxy to answer with (response
/// streams and live tails are not in moto).
public enum RecordedEvent {
    public static func frame(_ type: String, _ payload: Data, contentType: String = "application/json") -> Data {
        EventStreamEncoder.encode(EventStreamMessage(headers: [
            (":message-type", .string("event")), (":event-type", .string(type)), (":content-type", .string(contentType)),
        ], payload: payload))
    }
}
