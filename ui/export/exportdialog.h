#pragma once

#include "chartexport.h"

#include <QDialog>
#include <QImage>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace chronomap {

class ChartComposer;
class Selection;
class Story;

// File › Export › Chart: format, size preset and scale, theme, title block, sources line,
// legend and publish-safe choice, with a live preview drawn by the same composer that writes
// the file (at reduced size, the same layout): what the preview shows is what is written.
// Takes the window's time window, filters and lanes.
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    // `state` is the window's Selection (window and filters); `view` "timeline" or "actors".
    ExportDialog(Story* story, const Selection* state, const QString& view,
                 std::optional<LaneMode> lanes, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // What the controls ask for (the output path included).
    ExportRequest request() const;
    void setRequest(const ExportRequest& request);
    // The composition at `size` pixels exactly as the file would get it, scaled down
    // proportionally (same layout) when `size` is smaller than the export size.
    QImage render(QSize size);
    // The image the preview shows now.
    QImage previewImage() const { return m_preview; }
    // Redraws the preview at once (normally after a short pause in typing).
    void updatePreview();

    void accept() override;

    // The size presets: label and size (an empty size: custom).
    static QList<std::pair<QString, QSize>> presets();

private:
    void buildUi();
    void schedulePreview();
    void presetChosen(int index);
    void browse();
    ChartComposer& composer();

    Story* m_story;
    const Selection* m_state;
    std::optional<LaneMode> m_lanes;
    std::unique_ptr<ChartComposer> m_composer;
    QString m_composerKey; // what the cached composer was built for
    QImage m_preview;
    QTimer* m_previewTimer = nullptr;

    QComboBox* m_view = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_preset = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_subtitle = nullptr;
    QLineEdit* m_caption = nullptr;
    QLineEdit* m_credit = nullptr;
    QCheckBox* m_sources = nullptr;
    QCheckBox* m_legend = nullptr;
    QComboBox* m_publishSafe = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_previewLabel = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace chronomap
