import Testing

@testable import AssessStore

#if canImport(Glibc)
  import Glibc
#endif

/// The one file reader's sentences, and where it finds bytes that are not UTF-8.
@Suite struct InputFileErrorTests {
  @Test func eachFailureHasItsSentence() {
    #expect(
      InputFile.failure(EACCES, what: "answers file", name: "a.yaml").message
        == "answers file 'a.yaml' cannot be read: permission denied (see its permissions)")
    #expect(InputFile.failure(ENOENT, what: "form", name: "f.json").message == "form 'f.json' does not exist")
    #expect(InputFile.failure(EISDIR, what: "template", name: "t").message == "template 't' is a folder, not a file")
    #expect(InputFile.failure(EIO, what: "form", name: "f").message == "cannot read form 'f': Input/output error")
  }

  @Test func theFirstByteThatIsNotUTF8() {
    #expect(InputFile.firstInvalidUTF8(Array("abc é 😀\n".utf8)) == nil)
    let bytes: [UInt8] = Array("ab\ncd".utf8) + [0xE2, 0x82] + Array("x".utf8)
    let offset = InputFile.firstInvalidUTF8(bytes)
    #expect(offset == 5)
    let place = InputFile.position(5, in: bytes)
    #expect(place.line == 2 && place.byte == 3)
  }
}
