public enum IsnadVersion {
    public static let string = "0.1.0"
}
