#include "interchangeactions.h"

#include "importdialog.h"

#include "interchange/formatregistry.h"
#include "interchange/cancellation.h"
#include "interchange/importcommand.h"
#include "interchange/filteredcopy.h"
#include "interchange/interchange.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QUndoStack>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace chronomap {

namespace {

// Above this many rows an import runs on a worker thread, with progress and Cancel.
constexpr qsizetype kBackgroundRows = 20'000;

// Runs `work` on a worker thread while a modal progress dialog shows `share` (0..1; < 0 for
// "busy") and offers Cancel, which sets `cancel`. Returns what `work` threw, if anything.
std::exception_ptr runWithProgress(QWidget* window, const QString& label,
                                   const std::function<void()>& work,
                                   const std::atomic<double>* share, std::atomic<bool>* cancel)
{
    QProgressDialog progress(label, QObject::tr("Cancel"), 0, share ? 1000 : 0, window);
    progress.setLabel(plainLabel(new QLabel)); // the label names a file: plain text
    progress.setLabelText(label);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    std::exception_ptr failure;
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&] {
        if (cancel)
            cancel->store(true);
        progress.setLabelText(QObject::tr("Cancelling; nothing will be changed…"));
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &progress, [&] {
        if (share)
            progress.setValue(int(share->load() * 1000));
    });
    poll.start(100);
    watcher.setFuture(QtConcurrent::run([&] {
        try {
            work();
        } catch (...) {
            failure = std::current_exception();
        }
    }));
    loop.exec();
    return failure;
}

// Writes a data export; a large story is written on a worker thread (with its own read-only
// connection) behind progress and Cancel, into a hidden file beside `path` that is renamed
// into place only when it is complete and not cancelled: an old file of that name stays as it
// was otherwise.
QString exportDataWithProgress(QWidget* window, Story* story, const QString& format,
                               const QString& path, const FilterSpec& filter)
{
    // The story itself, its -wal/-shm, a database or a foreign file: refused before any work.
    checkWriteTarget(path, story->path(), fileKindOfExport(format, path));
    if (story->store().counts().events < kBackgroundRows)
        return exportFilteredData(story->store(), filter, format, path);
    const QFileInfo target(path);
    // The temporary keeps the name's suffix: a format may depend on it (.json or .csv).
    const QString temporary = temporaryBeside(path);
    const QString storyPath = story->path();
    std::atomic<bool> cancel{false};
    QString note;
    const std::exception_ptr failure = runWithProgress(
        window, QObject::tr("Exporting %1…").arg(target.fileName()),
        [&] {
            auto store = Store::open(storyPath, Store::Mode::ReadOnly);
            note = exportFilteredData(*store, filter, format, temporary);
        },
        nullptr, &cancel);
    if (failure || cancel) {
        QFile::remove(temporary);
        if (!failure)
            return {};
        try {
            std::rethrow_exception(failure);
        } catch (const StoreError& e) {
            QString message = e.message();
            throw StoreError(message.replace(temporary, path));
        }
    }
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(temporary);
        throw StoreError(QObject::tr("%1: cannot write it: %2").arg(path, why));
    }
    return note;
}

ChangeRecord importRecord(const ParsedImport& parsed, const ImportSummary& summary)
{
    return importAuditRecord(parsed, summary);
}

// Parses off the GUI thread (a large sheet takes seconds); throws StoreError. Nothing when the
// user cancelled the reading: Cancel stops the readers within moments (see cancellation.h).
std::optional<ParsedImport> parseInBackground(QWidget* window, const QString& path)
{
    ParsedImport parsed;
    std::atomic<bool> cancel{false};
    const auto failure = runWithProgress(
        window, QObject::tr("Reading %1…").arg(QFileInfo(path).fileName()),
        [&] {
            const CancelScope scope(&cancel);
            parsed = parseImportForPreview(path);
        },
        nullptr, &cancel);
    if (cancel.load())
        return std::nullopt;
    if (failure)
        std::rethrow_exception(failure);
    return parsed;
}

bool importOne(QWidget* window, Story* story, const QString& path)
{
    ParsedImport parsed;
    try {
        std::optional<ParsedImport> read = parseInBackground(window, path);
        if (!read)
            return false;
        parsed = std::move(*read);
    } catch (const StoreError& e) {
        warnPlain(window, QObject::tr("Import"),
                  QObject::tr("The file cannot be imported; nothing was changed.\n\n%1")
                      .arg(e.message()));
        return false;
    }
    ImportDialog dialog(std::move(parsed), story->store(), window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ParsedImport& chosen = dialog.parsed();
    const qsizetype rows =
        chosen.batch.events.size() + chosen.batch.relations.size() +
        (isWholeStory(chosen) ? chosen.chronomapJson.size() / 200 : 0);
    try {
        if (rows <= kBackgroundRows) {
            importInto(story, chosen); // one undo step
            return true;
        }
        // A large import writes through its own connection on a worker thread, so the window's
        // connection is never used from two threads; the window reloads when it commits.
        std::atomic<double> share{0};
        std::atomic<bool> cancel{false};
        const QString storyPath = story->path();
        const QString author = story->author();
        ImportJournal journal;
        ChangeRecord record;
        const auto failure = runWithProgress(
            window, QObject::tr("Importing %1…").arg(QFileInfo(chosen.fileName).fileName()),
            [&] {
                auto store = Store::open(storyPath, Store::Mode::ReadWrite);
                Store::Transaction tx(*store);
                const ImportSummary summary = applyParsedImport(
                    *store, chosen,
                    [&](double s) {
                        share.store(s);
                        return !cancel.load();
                    },
                    &journal);
                record = importRecord(chosen, summary);
                record.author = author;
                store->logChange(record);
                // Cancel pressed after the last progress report still means nothing changes.
                if (cancel.load())
                    throw StoreError(
                        QObject::tr("%1: the import was cancelled; nothing was changed")
                            .arg(chosen.fileName));
                tx.commit();
            },
            &share, &cancel);
        story->reload();
        if (failure)
            std::rethrow_exception(failure);
        // Written already: the command starts applied, and undoes it as one step.
        if (!journal.isEmpty())
            story->undoStack()->push(
                new ImportCommand(story, chosen.fileName, std::move(journal), record));
        return true;
    } catch (const StoreError& e) {
        warnPlain(window, QObject::tr("Import"),
                  QObject::tr("The import failed; nothing was changed.\n\n%1").arg(e.message()));
    }
    return false;
}

QString suggestedName(Story* story, const QString& suffix)
{
    QString base = story->title().trimmed();
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral(" "));
    base = base.simplified().replace(u' ', u'-').toLower();
    if (base.isEmpty())
        base = QFileInfo(story->path()).completeBaseName();
    return QDir(QFileInfo(story->path()).absolutePath()).filePath(base + u'.' + suffix);
}

} // namespace

bool isImportableFile(const QString& path)
{
    return readableSuffixes().contains(QFileInfo(path).suffix().toLower());
}

bool importFiles(QWidget* window, Story* story, const QStringList& paths)
{
    if (!story || story->isReadOnly()) {
        QMessageBox::information(
            window, QObject::tr("Import"),
            QObject::tr("Open a story you can edit first; imports are added to the open story."));
        return false;
    }
    bool any = false;
    for (const QString& path : paths)
        any = importOne(window, story, path) || any;
    return any;
}

void addInterchangeActions(QMenu* fileMenu, QWidget* window, std::function<Story*()> currentStory,
                           std::function<FilterSpec()> currentFilter)
{
    // After the story's own actions, before Quit's group. Found by their ids, never by their
    // words (which the translation changes) or by where separators fall.
    QAction* before = fileMenu->findChild<QAction*>(QStringLiteral("quitSeparator"));
    if (!before)
        before = fileMenu->findChild<QAction*>(QStringLiteral("quitAction"));
    auto* importAct = new QAction(QObject::tr("&Import…"), fileMenu);
    importAct->setObjectName(QStringLiteral("importAction"));
    importAct->setShortcut(QKeySequence(QObject::tr("Ctrl+I")));
    importAct->setStatusTip(
        QObject::tr("Add events and actors from TimelineJS, CSV, GEXF, GraphML or Chronomap JSON"));
    QObject::connect(importAct, &QAction::triggered, window, [window, currentStory] {
        Story* story = currentStory();
        const QStringList paths = QFileDialog::getOpenFileNames(
            window, QObject::tr("Import into the story"),
            story ? QFileInfo(story->path()).absolutePath() : QString(),
            importFileFilter());
        if (!paths.isEmpty())
            importFiles(window, story, paths);
    });
    fileMenu->insertAction(before, importAct);

    QMenu* exportMenu = fileMenu->findChild<QMenu*>(QStringLiteral("exportMenu"));
    if (!exportMenu) {
        exportMenu = new QMenu(QObject::tr("&Export"), fileMenu);
        exportMenu->setObjectName(QStringLiteral("exportMenu"));
        fileMenu->insertMenu(before, exportMenu);
    }
    QMenu* data = exportMenu->addMenu(QObject::tr("&Data"));
    data->setObjectName(QStringLiteral("exportDataMenu"));
    // One entry per format that can be written, from the registry.
    for (const FileFormat& format : fileFormats()) {
        if (!format.canWrite())
            continue;
        QAction* act = data->addAction(format.displayName() + QStringLiteral("…"));
        act->setObjectName(QStringLiteral("exportData-%1").arg(format.name));
        const QString name = format.name, suffix = format.suffixes.value(0),
                      fileFilter = format.fileFilter();
        QObject::connect(act, &QAction::triggered, window, [window, currentStory, currentFilter,
                                                            name, suffix, fileFilter] {
            Story* story = currentStory();
            if (!story)
                return;
            // The window's filters hold for a data export as for a chart: what the table
            // lists is what the file gets.
            const FilterSpec filter = currentFilter ? currentFilter() : FilterSpec{};
            const QString path = QFileDialog::getSaveFileName(
                window,
                filter.isEmpty() ? QObject::tr("Export data")
                                 : QObject::tr("Export data (only what the filters show)"),
                suggestedName(story, suffix), fileFilter);
            if (path.isEmpty())
                return;
            try {
                const QString note =
                    exportDataWithProgress(window, story, name, path, filter);
                if (!note.isEmpty()) // rows the import would refuse were left out
                    QMessageBox::information(window, QObject::tr("Export"), note);
            } catch (const StoreError& e) {
                warnPlain(window, QObject::tr("Export"), e.message());
            }
        });
    }
}

} // namespace chronomap
