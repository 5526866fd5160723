import FoundationEssentials
import LambdaAPI

/// `:layers`: the account's layers in the region (each with its latest version), and one
/// layer's versions with the functions of the list that use each.
public struct LayersState: Sendable, Equatable {
    public var layers: [LayersListItem] = []
    public var layersTable = TableState(sortColumn: .name)
    public var layersProblem: String?
    public var layersRead = false
    /// The layer whose versions are shown; nil: the layers.
    public var openLayer: String?
    public var versions: [LayerVersionsListItem] = []
    public var versionsTable = TableState(sortColumn: .version)
    public var versionsProblem: String?
    /// Each version's policy read so far (who else may use it), by version ARN.
    public var policies: [String: ResourceRead<String>] = [:]
    /// How many functions of the list use each layer version ARN, counted when the lists change.
    public var usage: [String: Int] = [:]

    public init() {}

    public var selectedLayer: LayersListItem? {
        layersTable.selectedIndex.flatMap { layers.indices.contains($0) ? layers[$0] : nil }
    }

    public var selectedVersion: LayerVersionsListItem? {
        versionsTable.selectedIndex.flatMap { versions.indices.contains($0) ? versions[$0] : nil }
    }
}

extension ConsoleState {
    /// The functions of the list that use a layer version, by its ARN: read from the list's rows,
    /// so it is as complete as the list.
    public func functionsUsing(layerVersionArn arn: String) -> [String] {
        functions.compactMap { row in row.layerArns?.contains(arn) == true ? row.functionName : nil }
    }
}
