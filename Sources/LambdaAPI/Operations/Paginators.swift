/// Paginators for the List operations whose pages the console reads whole.
extension LambdaClient {
    public func codeSigningConfigs(pageSize: Int? = nil) -> Paginator<CodeSigningConfig> {
        Paginator { marker in
            let page = try await listCodeSigningConfigs(marker: marker, maxItems: pageSize)
            return (page.codeSigningConfigs ?? [], page.nextMarker)
        }
    }

    public func functionArns(signedBy codeSigningConfigArn: String, pageSize: Int? = nil) -> Paginator<String> {
        Paginator { marker in
            let page = try await listFunctionsByCodeSigningConfig(codeSigningConfigArn, marker: marker, maxItems: pageSize)
            return (page.functionArns ?? [], page.nextMarker)
        }
    }

    public func functionUrlConfigs(of name: String, pageSize: Int? = nil) -> Paginator<FunctionUrlConfig> {
        Paginator { marker in
            let page = try await listFunctionUrlConfigs(name, marker: marker, maxItems: pageSize)
            return (page.functionUrlConfigs ?? [], page.nextMarker)
        }
    }

    public func functionEventInvokeConfigs(of name: String, pageSize: Int? = nil) -> Paginator<FunctionEventInvokeConfig> {
        Paginator { marker in
            let page = try await listFunctionEventInvokeConfigs(name, marker: marker, maxItems: pageSize)
            return (page.functionEventInvokeConfigs ?? [], page.nextMarker)
        }
    }

    public func layers(compatibleRuntime: Runtime? = nil, compatibleArchitecture: Architecture? = nil,
                       pageSize: Int? = nil) -> Paginator<LayersListItem> {
        Paginator { marker in
            let page = try await listLayers(compatibleRuntime: compatibleRuntime, compatibleArchitecture: compatibleArchitecture,
                                            marker: marker, maxItems: pageSize)
            return (page.layers ?? [], page.nextMarker)
        }
    }

    public func layerVersions(of layer: String, compatibleRuntime: Runtime? = nil, pageSize: Int? = nil) -> Paginator<LayerVersionsListItem> {
        Paginator { marker in
            let page = try await listLayerVersions(layer, compatibleRuntime: compatibleRuntime, marker: marker, maxItems: pageSize)
            return (page.layerVersions ?? [], page.nextMarker)
        }
    }
}
