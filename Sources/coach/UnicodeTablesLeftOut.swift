// The release link sends four of the standard library's Unicode look-ups here (`--wrap` in
// Package.swift), so the linker can leave out their tables: a scalar's name (0.55 MB of the
// installed binary), the Unicode version it came in, and its script. They are kept only
// because the Regex engine that FoundationEssentials brings along could ask for `\N{...}`,
// `\p{Age=...}` or `\p{Script=...}`. Coach never asks for any of them (no `Regex`, no
// `Unicode.Scalar.Properties.name`, `nameAlias`, `age` or script), and each answer here is
// the one the library itself gives for a scalar it does not know. Character classes,
// case, width and general category keep their tables.
@_cdecl("__wrap__swift_stdlib_getScalarName")
func unicodeScalarNameLeftOut(_ scalar: UInt32, _ buffer: UnsafeMutablePointer<UInt8>?, _ capacity: Int) -> Int {
    0
}

@_cdecl("__wrap__swift_stdlib_getAge")
func unicodeAgeLeftOut(_ scalar: UInt32) -> UInt16 {
    .max
}

@_cdecl("__wrap__swift_stdlib_getScript")
func unicodeScriptLeftOut(_ scalar: UInt32) -> UInt8 {
    .max
}

@_cdecl("__wrap__swift_stdlib_getScriptExtensions")
func unicodeScriptExtensionsLeftOut(_ scalar: UInt32, _ count: UnsafeMutablePointer<UInt8>?) -> UnsafePointer<UInt8>? {
    count?.pointee = 0
    return nil
}
