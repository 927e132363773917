#include "scenedeck.h"

#include "edit/sceneedits.h"
#include "present/scenestate.h"
#include "query/selection.h"
#include "story/story.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTemporaryDir>

namespace chronomap {

namespace {

QString slug(const QString& name)
{
    QString s = name.normalized(QString::NormalizationForm_KD).toLower();
    s.remove(QRegularExpression(QStringLiteral("[\\x{0300}-\\x{036f}]")));
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    s = s.left(48);
    while (s.startsWith(u'-'))
        s.remove(0, 1);
    while (s.endsWith(u'-'))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("scene") : s;
}

void writeWhole(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(QStringLiteral("%1: cannot write here: %2; nothing was changed")
                             .arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw StoreError(QStringLiteral("%1: writing failed: %2; the old file is unchanged")
                             .arg(path, file.errorString()));
}

QList<Scene> scenesOrFail(const Story& story)
{
    const QList<Scene> scenes = orderedScenes(story.store());
    if (scenes.isEmpty())
        throw StoreError(QStringLiteral("%1 has no scenes; save views as scenes in the window "
                                        "(View › Scenes › Add) first")
                             .arg(story.path()));
    return scenes;
}

} // namespace

QString sceneFileName(int number, int count, const QString& name, const QString& suffix)
{
    const int width = std::max(2, int(QString::number(count).size()));
    return QStringLiteral("scene-%1-%2.%3")
        .arg(number, width, 10, QLatin1Char('0'))
        .arg(slug(name), suffix);
}

Scene findScene(const Story& story, const QString& name)
{
    if (const auto s = sceneNamed(story.store(), name))
        return *s;
    QStringList names;
    for (const Scene& s : orderedScenes(story.store()))
        names << QStringLiteral("“%1”").arg(s.name);
    if (names.isEmpty())
        throw StoreError(QStringLiteral("%1 has no scene “%2”: it has no scenes at all; save "
                                        "views as scenes in the window (View › Scenes) first")
                             .arg(story.path(), name));
    throw StoreError(QStringLiteral("%1 has no scene “%2”; its scenes are: %3")
                         .arg(story.path(), name, names.join(QStringLiteral(", "))));
}

void exportScene(Story& story, const Scene& scene, ExportRequest request, bool keepView)
{
    const SceneState state = SceneState::fromJsonText(scene.state);
    Selection selection;
    state.applyTo(selection);
    if (!keepView)
        request.view = state.charts == SceneState::Charts::Actors ? QStringLiteral("actors")
                                                                  : QStringLiteral("timeline");
    if (!request.from && !request.to && state.hasWindow()) {
        request.from = state.from;
        request.to = state.to;
    }
    if (request.title.isEmpty())
        request.title = scene.name;
    if (request.caption.isEmpty())
        request.caption = scene.caption;
    request.scene = scene.name;
    request.state = &selection;
    exportChart(story, request);
}

int exportSceneDeck(Story& story, const ExportRequest& request)
{
    const QList<Scene> scenes = scenesOrFail(story);
    // Each page is drawn by exportChart as SVG and painted onto the PDF page: the pages are
    // exactly the single exports, and text and lines stay vector.
    QTemporaryDir tmp;
    if (!tmp.isValid())
        throw StoreError(QStringLiteral("%1: no room for temporary files: %2")
                             .arg(request.output, tmp.errorString()));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("Chronomap"));
        pdf.setTitle(story.title());
        pdf.setResolution(72); // one pixel is one point, as in single PDF exports
        pdf.setPageLayout(QPageLayout(
            QPageSize(QSizeF(request.size), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF()));
        QPainter painter(&pdf);
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            ExportRequest page = request;
            page.output = tmp.filePath(QStringLiteral("page-%1.svg").arg(i));
            exportScene(story, scenes[i], page);
            QSvgRenderer svg(page.output);
            if (!svg.isValid())
                throw StoreError(QStringLiteral("%1: page %2 (“%3”) could not be drawn")
                                     .arg(request.output)
                                     .arg(i + 1)
                                     .arg(scenes[i].name));
            if (i > 0)
                pdf.newPage();
            svg.render(&painter, QRectF(QPointF(0, 0), QSizeF(request.size)));
        }
    }
    buffer.close();
    writeWhole(request.output, bytes);
    return int(scenes.size());
}

QStringList exportSceneImages(Story& story, const ExportRequest& request, const QString& folder,
                              const QString& suffix)
{
    const QList<Scene> scenes = scenesOrFail(story);
    if (!QDir().mkpath(folder))
        throw StoreError(
            QStringLiteral("%1: cannot make this folder; nothing was written").arg(folder));
    QStringList written;
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        ExportRequest one = request;
        one.output = QDir(folder).filePath(
            sceneFileName(int(i + 1), int(scenes.size()), scenes[i].name, suffix));
        exportScene(story, scenes[i], one);
        written << one.output;
    }
    return written;
}

QStringList exportScenesForCommandLine(Story& story, ExportRequest request, bool allScenes,
                                       bool viewGiven)
{
    if (!allScenes) {
        const Scene scene = findScene(story, request.scene);
        exportScene(story, scene, request, viewGiven);
        return {QStringLiteral("exported scene “%1” to %2").arg(scene.name, request.output)};
    }
    const QString out = request.output;
    const QFileInfo info(out);
    if (out.endsWith(u'/') || info.isDir() || info.suffix().isEmpty()) {
        const QStringList files = exportSceneImages(story, request, out);
        QStringList lines;
        for (const QString& f : files)
            lines << QStringLiteral("exported %1").arg(f);
        return lines;
    }
    if (info.suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        throw StoreError(QStringLiteral("%1: --scenes writes one PDF (deck.pdf) or numbered "
                                        "images into a folder (-o slides/), not a single %2")
                             .arg(out, info.suffix()));
    const int pages = exportSceneDeck(story, request);
    return {QStringLiteral("exported %1 scenes to %2").arg(pages).arg(out)};
}

} // namespace chronomap
