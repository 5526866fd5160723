/// Sizes of the console's screen furniture that more than one view depends on.
enum Layout {
    /// A long message takes at most this many lines above the footer.
    static let statusLinesMaximum = 3
}
