#include "benchmark.h"

#include "export/chartcomposer.h"
#include "export/chartexport.h"
#include "story/story.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace chronomap {

namespace {

void line(QTextStream& out, const QString& name, double value, const char* unit)
{
    benchLine(out, name.toUtf8().constData(), value, unit);
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

} // namespace

void benchExport(Story& story, QTextStream& out)
{
    // Each chart is composed once (for the map that includes its layout, which the window has
    // already done when the user exports), then drawn and encoded as the export writes it:
    // 3840×2160 at scale 2, light theme, title block and sources line, publish-safe as it is
    // by default (every entry drawn, those not cleared marked: the most there is to draw).
    const QSize size(3840, 2160);
    for (const QString& view : {QStringLiteral("timeline"), QStringLiteral("actors")}) {
        ExportRequest request;
        request.view = view;
        request.size = size;
        request.scale = autoExportScale(size);
        request.title = QStringLiteral("Benchmark");
        request.subtitle = QStringLiteral("The whole story");
        request.credit = QStringLiteral("Chronomap bench");
        request.publishSafe = ExportRequest::PublishSafe::Mark;
        QElapsedTimer prepare;
        prepare.start();
        ChartComposer composer(story, request);
        line(out, QStringLiteral("export_%1_prepare").arg(view),
             double(prepare.nsecsElapsed()) / 1e6, "ms");
        // CHRONOMAP_BENCH_FORMATS=pdf,svg: only those (a profile of one format).
        const QStringList formats = qEnvironmentVariable("CHRONOMAP_BENCH_FORMATS")
                                        .split(u',', Qt::SkipEmptyParts);
        for (const QString& format :
             {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) {
            if (!formats.isEmpty() && !formats.contains(format))
                continue;
            std::vector<double> times, cpu;
            qsizetype bytes = 0;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer t;
                t.start();
                const double cpu0 = threadCpuMs();
                bytes = encodeChart(composer, QStringLiteral("bench.") + format, size).size();
                cpu.push_back(threadCpuMs() - cpu0);
                times.push_back(double(t.nsecsElapsed()) / 1e6);
            }
            const QString name =
                QStringLiteral("export_%1_%2%3")
                    .arg(view, format == QLatin1String("png") ? QStringLiteral("4k_") : QString(),
                         format);
            line(out, name + QStringLiteral("_median"), median(times), "ms");
            line(out, name + QStringLiteral("_cpu_median"), median(cpu), "ms");
            line(out, name + QStringLiteral("_size"), double(bytes) / (1024.0 * 1024.0), "MB");
        }
    }
}

} // namespace chronomap
