#pragma once
// The exceptions the core throws. The Python module maps each to a class of its own
// (interreg.FormatError, ...); nothing else escapes the core.
#include <stdexcept>
#include <string>

namespace interreg {

// Base of everything the library throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An error located in a JSON document: `path` is a JSON Pointer ("/partners/2/country")
// or, for text that is not JSON at all, empty (the message then gives line and column).
class DocumentError : public Error {
public:
    DocumentError(std::string path, std::string detail)
        : Error(path.empty() ? detail : path + ": " + detail),
          path_(std::move(path)), detail_(std::move(detail)) {}
    const std::string& path() const noexcept { return path_; }
    const std::string& detail() const noexcept { return detail_; }

private:
    std::string path_;
    std::string detail_;
};

// A proposal document that cannot be read as the format says.
class FormatError : public DocumentError {
public:
    using DocumentError::DocumentError;
};

// A programme document that is malformed or inconsistent.
class ProgrammeError : public DocumentError {
public:
    using DocumentError::DocumentError;
};

// A bad argument to an API call (wrong value, unknown choice); maps to ValueError. When it
// names the field at fault, `field` is that name ("acronym", "partners/1") and `detail` the
// complaint alone, so the document reader can report the same complaint at its JSON path.
class ArgumentError : public Error {
public:
    explicit ArgumentError(const std::string& message) : Error(message), detail_(message) {}
    ArgumentError(std::string field, std::string detail)
        : Error(field.empty() ? detail : field + ": " + detail), field_(std::move(field)), detail_(std::move(detail)) {}
    const std::string& field() const noexcept { return field_; }
    const std::string& detail() const noexcept { return detail_; }

private:
    std::string field_;
    std::string detail_;
};

// A name or id that is not there (a partner, a region); maps to KeyError.
class NotFoundError : public Error {
public:
    using Error::Error;
};

// A file that cannot be read or written; maps to OSError.
class IoError : public Error {
public:
    using Error::Error;
};

}  // namespace interreg
