#include "filesafety.h"

#include "store/store.h"
#include "store/sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace chronomap {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("chronomap::FileSafety", text);
}

QByteArray native(const QString& path)
{
    return QFile::encodeName(path);
}

bool lexists(const QString& path)
{
    struct stat st;
    return ::lstat(native(path).constData(), &st) == 0;
}

const char* const kCompanions[] = {"-wal", "-shm", "-journal"};

// Where a name leads: symbolic links followed, "..", "." and the folder's own links resolved;
// for a name that does not exist, its folder resolved and the name kept.
QString resolved(const QString& path, int depth = 0)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    if (info.isSymLink() && depth < 16) // dangling: where it points
        return resolved(info.symLinkTarget(), depth + 1);
    const QString dir = QFileInfo(info.absolutePath()).canonicalFilePath();
    return (dir.isEmpty() ? info.absolutePath() : dir) + u'/' + info.fileName();
}

QByteArray head(const QString& path, qint64 bytes = 65536)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

QString kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Story:
        return tr("Chronomap story");
    case FileKind::Json:
        return QStringLiteral("JSON");
    case FileKind::Csv:
        return QStringLiteral("CSV");
    case FileKind::Gexf:
        return QStringLiteral("GEXF");
    case FileKind::GraphMl:
        return QStringLiteral("GraphML");
    case FileKind::Png:
        return QStringLiteral("PNG");
    case FileKind::Jpeg:
        return QStringLiteral("JPEG");
    case FileKind::Svg:
        return QStringLiteral("SVG");
    case FileKind::Pdf:
        return QStringLiteral("PDF");
    }
    return {};
}

QStringList suffixesOf(FileKind kind)
{
    switch (kind) {
    case FileKind::Story:
        return {QStringLiteral("chronomap")};
    case FileKind::Json:
        return {QStringLiteral("json")};
    case FileKind::Csv:
        return {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")};
    case FileKind::Gexf:
        return {QStringLiteral("gexf"), QStringLiteral("xml")};
    case FileKind::GraphMl:
        return {QStringLiteral("graphml"), QStringLiteral("xml")};
    case FileKind::Png:
        return {QStringLiteral("png")};
    case FileKind::Jpeg:
        return {QStringLiteral("jpg"), QStringLiteral("jpeg")};
    case FileKind::Svg:
        return {QStringLiteral("svg")};
    case FileKind::Pdf:
        return {QStringLiteral("pdf")};
    }
    return {};
}

// Text we could have written: UTF-8 (a character cut at the end of the sample is fine), no
// NUL and no control character other than tab, line feed, carriage return and form feed. A
// document, an archive (PK\x03\x04), an image or a UTF-16 file fails.
bool looksLikeUtf8Text(const QByteArray& bytes)
{
    QByteArray sample = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    for (const char c : std::as_const(sample)) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7f)
            return false;
    }
    for (int cut = 0; cut < 4 && !sample.isEmpty(); ++cut) {
        if (QString::fromUtf8(sample).toUtf8() == sample)
            return true;
        sample.chop(1);
    }
    return sample.isEmpty();
}

QByteArray withoutBomAndSpace(const QByteArray& bytes)
{
    QByteArray b = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    return b.trimmed();
}

bool contentIs(FileKind kind, const QByteArray& bytes)
{
    switch (kind) {
    case FileKind::Story:
        return false; // checked by the caller
    case FileKind::Json: {
        const QByteArray b = withoutBomAndSpace(bytes);
        return looksLikeUtf8Text(bytes) && (b.startsWith('{') || b.startsWith('['));
    }
    case FileKind::Csv:
        return looksLikeUtf8Text(bytes);
    case FileKind::Gexf:
        return withoutBomAndSpace(bytes).startsWith('<') && bytes.contains("<gexf");
    case FileKind::GraphMl:
        return withoutBomAndSpace(bytes).startsWith('<') && bytes.contains("<graphml");
    case FileKind::Png:
        return bytes.startsWith("\x89PNG\r\n\x1a\n");
    case FileKind::Jpeg:
        return bytes.startsWith("\xFF\xD8\xFF");
    case FileKind::Svg:
        return withoutBomAndSpace(bytes).startsWith('<') && bytes.contains("<svg");
    case FileKind::Pdf:
        return bytes.startsWith("%PDF-");
    }
    return false;
}

bool isChronomapStory(const QByteArray& header)
{
    if (header.size() < 72 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return false;
    const auto* p = reinterpret_cast<const unsigned char*>(header.constData()) + 68;
    const quint32 appId = quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
    return appId == quint32(SqliteStore::kApplicationId);
}

// The database that `path` is a companion of (path minus -wal, -shm or -journal), if any.
QString databaseOfCompanion(const QString& path)
{
    for (const char* c : kCompanions) {
        const QLatin1String suffix(c);
        if (path.endsWith(suffix)) {
            const QString base = path.chopped(suffix.size());
            if (QFileInfo(base).isFile() && isSqliteDatabase(base))
                return base;
        }
    }
    return {};
}

[[noreturn]] void refuse(const QString& message)
{
    throw StoreError(message);
}

} // namespace

FileKind fileKindOfExport(const QString& format, const QString& path)
{
    const QString f = format.toLower();
    const bool csvName = QFileInfo(path).suffix().toLower() == QLatin1String("csv");
    if (f == QLatin1String("timelinejs"))
        return csvName ? FileKind::Csv : FileKind::Json;
    if (f.endsWith(QLatin1String("csv")))
        return FileKind::Csv;
    if (f == QLatin1String("gexf"))
        return FileKind::Gexf;
    if (f == QLatin1String("graphml"))
        return FileKind::GraphMl;
    return FileKind::Json;
}

FileKind fileKindOfImage(const QString& path)
{
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == QLatin1String("jpg") || s == QLatin1String("jpeg"))
        return FileKind::Jpeg;
    if (s == QLatin1String("svg"))
        return FileKind::Svg;
    if (s == QLatin1String("pdf"))
        return FileKind::Pdf;
    return FileKind::Png;
}

bool sameFile(const QString& a, const QString& b)
{
    struct stat sa, sb;
    const bool ea = ::stat(native(a).constData(), &sa) == 0;
    const bool eb = ::stat(native(b).constData(), &sb) == 0;
    if (ea && eb)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea != eb)
        return false;
    return resolved(a) == resolved(b);
}

bool isStoryOrCompanion(const QString& target, const QString& storyPath)
{
    if (storyPath.isEmpty())
        return false;
    // SQLite keeps the companions beside the file a symbolic link leads to; check both names.
    QStringList stories{storyPath};
    if (const QString real = resolved(storyPath); real != storyPath)
        stories << real;
    for (const QString& story : std::as_const(stories)) {
        if (sameFile(target, story))
            return true;
        for (const char* c : kCompanions)
            if (sameFile(target, story + QLatin1String(c)))
                return true;
    }
    return false;
}

bool isSqliteDatabase(const QString& path)
{
    return head(path, 16) == QByteArrayLiteral("SQLite format 3\0");
}

void checkWriteTarget(const QString& target, const QString& openStory, FileKind kind, bool force)
{
    if (isStoryOrCompanion(target, openStory))
        refuse(tr("%1: this is the open story %2 or a file SQLite keeps beside it; writing there "
                  "would destroy the story. Choose another name")
                   .arg(target, openStory));
    if (const QString db = databaseOfCompanion(target); !db.isEmpty())
        refuse(tr("%1: SQLite keeps this file beside the database %2; writing there would "
                  "damage it. Choose another name")
                   .arg(target, db));
    struct stat st;
    if (::lstat(native(target).constData(), &st) != 0)
        return; // nothing there: a new file
    const QFileInfo info(target);
    if (info.isDir())
        refuse(tr("%1: this is a folder; give a file name").arg(target));
    if (info.isSymLink() && !info.exists())
        refuse(tr("%1: a symbolic link to nothing is in the way; remove it or choose another "
                  "name")
                   .arg(target));
    if (!info.isFile())
        refuse(tr("%1: not a regular file; choose another name").arg(target));
    const QByteArray bytes = head(target);
    if (kind == FileKind::Story) {
        if (!isChronomapStory(bytes))
            refuse(tr("%1: a file of that name exists and is not a Chronomap story; it was left "
                      "as it was. Choose another name")
                       .arg(target));
        for (const char* c : kCompanions)
            if (lexists(target + QLatin1String(c)))
                refuse(tr("%1: this story is open in another window or program (%2 lies beside "
                          "it); it was left as it was. Choose another name")
                           .arg(target, info.fileName() + QLatin1String(c)));
        return;
    }
    if (bytes.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        refuse(tr("%1: a story or database of that name exists; an export never replaces one. "
                  "Choose another name")
                   .arg(target));
    if (bytes.isEmpty() && info.size() == 0)
        return; // an empty file holds nothing to lose
    const bool ours = suffixesOf(kind).contains(info.suffix().toLower()) && contentIs(kind, bytes);
    if (!ours && !force)
        refuse(tr("%1: a file of that name exists and is not an earlier %2 export; it was left "
                  "as it was. Choose another name, or give --force to replace it")
                   .arg(target, kindName(kind)));
}

void checkImportInput(const QString& input, const QString& storyPath)
{
    if (isStoryOrCompanion(input, storyPath))
        refuse(tr("%1: this is the story %2 itself; a story cannot be imported into itself")
                   .arg(input, storyPath));
}

void claimNewFile(const QString& path)
{
    if (lexists(path))
        refuse(QCoreApplication::translate("chronomap::Store",
                                           "%1: a file of that name already exists; choose "
                                           "another name or remove it first")
                   .arg(path));
    for (const char* c : kCompanions)
        if (lexists(path + QLatin1String(c)))
            refuse(tr("%1: %2 lies beside it, left by an earlier file of that name, and would "
                      "be taken for part of the new story; remove it or choose another name")
                       .arg(path, QFileInfo(path).fileName() + QLatin1String(c)));
    const int fd = ::open(native(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST)
            refuse(QCoreApplication::translate("chronomap::Store",
                                               "%1: a file of that name already exists; choose "
                                               "another name or remove it first")
                       .arg(path));
        refuse(tr("%1: cannot create it: %2").arg(path, QString::fromLocal8Bit(strerror(err))));
    }
    ::close(fd);
}

void removeCreatedStory(const QString& path)
{
    QFile::remove(path);
    for (const char* c : kCompanions)
        QFile::remove(path + QLatin1String(c));
}

QString temporaryBeside(const QString& target)
{
    const QFileInfo info(target);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int n = 0;; ++n) {
        const QString candidate = info.absoluteDir().filePath(
            u'.' + info.completeBaseName() + QStringLiteral(".partial-") +
            QString::number(QCoreApplication::applicationPid()) + u'-' + QString::number(n) +
            suffix);
        if (!lexists(candidate))
            return candidate;
    }
}

void renameInto(const QString& from, const QString& to, bool replace)
{
    const QByteArray f = native(from), t = native(QFileInfo(to).absoluteFilePath());
    int rc;
    if (replace) {
        rc = ::rename(f.constData(), t.constData());
    } else {
        rc = ::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without RENAME_NOREPLACE: link fails if the name is taken.
            rc = ::link(f.constData(), t.constData());
            if (rc == 0)
                ::unlink(f.constData());
        }
    }
    if (rc != 0) {
        const int err = errno;
        if (err == EEXIST)
            refuse(QCoreApplication::translate("chronomap::Store",
                                               "%1: a file of that name already exists; choose "
                                               "another name or remove it first")
                       .arg(to));
        refuse(tr("%1: cannot write it: %2").arg(to, QString::fromLocal8Bit(strerror(err))));
    }
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    const QString temporary = temporaryBeside(path);
    const QByteArray t = native(temporary);
    auto failWith = [&](int err, int fd) {
        if (fd >= 0)
            ::close(fd);
        ::unlink(t.constData());
        refuse(tr("%1: cannot write the file: %2; an existing file of that name was left as it was")
                   .arg(path, QString::fromLocal8Bit(strerror(err))));
    };
    const int fd =
        ::open(t.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int err = errno;
        refuse(
            tr("%1: cannot write the file: %2").arg(path, QString::fromLocal8Bit(strerror(err))));
    }
    struct stat old;
    if (::stat(native(path).constData(), &old) == 0 && S_ISREG(old.st_mode))
        ::fchmod(fd, old.st_mode & 07777);
    const char* p = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(std::min<qint64>(left, 1 << 20)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failWith(errno, fd);
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        failWith(errno, fd);
    if (::close(fd) != 0)
        failWith(errno, -1);
    if (::rename(t.constData(), native(QFileInfo(path).absoluteFilePath()).constData()) != 0)
        failWith(errno, -1);
}

namespace {

// Room for a -wal header and a -shm (32 KiB) and a little more.
constexpr qint64 kCompanionBytes = 256 * 1024;

bool writableForUs(const QString& path)
{
    return ::faccessat(AT_FDCWD, native(path).constData(), W_OK, AT_EACCESS) == 0;
}

} // namespace

namespace {

// What keeps SQLite from keeping its -wal and -shm beside `path`: None when it can.
ReadOnlyReason companionsProblem(const QString& path)
{
    const QString wal = path + QStringLiteral("-wal"), shm = path + QStringLiteral("-shm");
    if (QFileInfo::exists(wal) && QFileInfo::exists(shm)) // another connection made them
        return writableForUs(wal) && writableForUs(shm) ? ReadOnlyReason::None
                                                        : ReadOnlyReason::Folder;
    const QString dir = QFileInfo(path).absolutePath();
    if (::faccessat(AT_FDCWD, native(dir).constData(), W_OK | X_OK, AT_EACCESS) != 0)
        return errno == EROFS ? ReadOnlyReason::Media : ReadOnlyReason::Folder;
    struct statvfs fs;
    if (::statvfs(native(dir).constData(), &fs) == 0) {
        const qint64 blocks = qint64(::geteuid() == 0 ? fs.f_bfree : fs.f_bavail);
        if (blocks * qint64(fs.f_frsize) < kCompanionBytes)
            return ReadOnlyReason::DiskFull;
    }
    return ReadOnlyReason::None;
}

} // namespace

ReadOnlyReason readOnlyReasonOf(const QString& path)
{
    const QByteArray p = native(path);
    struct statvfs fs;
    if (::statvfs(p.constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return ReadOnlyReason::Media;
    // The folder first: it says why even a writable file cannot be edited there.
    if (const ReadOnlyReason r = companionsProblem(path); r != ReadOnlyReason::None)
        return r;
    if (::faccessat(AT_FDCWD, p.constData(), W_OK, AT_EACCESS) != 0)
        return errno == EROFS ? ReadOnlyReason::Media : ReadOnlyReason::File;
    return ReadOnlyReason::None;
}

bool companionsUsable(const QString& path)
{
    struct statvfs fs;
    if (::statvfs(native(path).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return false;
    return companionsProblem(path) == ReadOnlyReason::None;
}

QString readOnlyReasonText(ReadOnlyReason reason, const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    switch (reason) {
    case ReadOnlyReason::None:
        return {};
    case ReadOnlyReason::Requested:
        return tr("%1 was opened read-only.").arg(name);
    case ReadOnlyReason::File:
        return tr("Editing is off: %1 is a read-only file for you. Save a copy to edit it.")
            .arg(name);
    case ReadOnlyReason::Folder:
        return tr("Editing is off: the folder %1 cannot be written, and a story needs to keep "
                  "its journal beside it. Save a copy elsewhere to edit it.")
            .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
    case ReadOnlyReason::Media:
        return tr("Editing is off: %1 is on a read-only disk or share. Save a copy elsewhere to "
                  "edit it.")
            .arg(name);
    case ReadOnlyReason::DiskFull:
        return tr("Editing is off: the disk holding %1 is full. Free some space and open it "
                  "again.")
            .arg(name);
    case ReadOnlyReason::Damaged:
        return tr("Editing is off: %1 is damaged. Open a backup copy, or save a copy of what "
                  "can still be read.")
            .arg(name);
    }
    return {};
}

} // namespace chronomap
