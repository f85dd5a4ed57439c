/**
 * The page's own wording where the pane's speaks of Excel: there is no grid to select in, nothing is
 * written into the user's file, and the report sheets are in the downloaded copy.
 */
import type { MessageOverrides } from '../taskpane/i18n';

export const PAGE_MESSAGES: MessageOverrides = {
  zh: {
    recalculateHint: '计算执行率和偏差说明；点击“下载计算后的工作簿”得到写好结果的副本。',
    recalculated: '已计算：下载的工作簿中将写入 {cells} 个单元格。请点击“下载计算后的工作簿”。',
    issueSelectHint: '查看 {cell} 所在的行',
    generateHint: '生成可直接复制到 Word 的报告；下载的工作簿中另有“自评报告”和“核对清单”工作表。',
    reportReady: '报告已生成，共 {paragraphs} 段；下载的工作簿中写在工作表“{sheet}”。',
    reportReadyForms: '报告已生成，共 {paragraphs} 段；下载的工作簿中写在工作表“{sheet}”，{forms} 个项目的绩效自评表写在“{formSheet}”。',
    reportReadyKept: '工作簿中的{kept}在生成后有改动，下载的工作簿会原样保留；新报告写在工作表“{sheet}”（{paragraphs} 段）。',
    generatedAndCopied: '报告已生成并已复制（带格式），可直接粘贴到 Word。',
    copiedAfterUpdate: '数据已更改：报告已按当前数据重新生成并复制（带格式），可直接粘贴到 Word。',
    copyFallback: '浏览器不允许直接复制：请改用“下载 Word 文档”，或在下载的工作簿中复制“自评报告”工作表（{range}）。',
    copyFallbackAfterUpdate: '报告已按当前数据重新生成，但浏览器不允许在生成后自动复制：请再点一次“复制报告”，或改用“下载 Word 文档”。',
    reportStaleAction: '“复制报告”和“下载 Word 文档”会先按当前数据重新生成报告。',
    checklistMore: '另有 {count} 处，见下载的工作簿中的“{sheet}”工作表。',
    settingsSaved: '设置已应用。设置只在本页面中有效，关闭页面后不保留；下载的工作簿按这些设置计算。',
    savedSettingsIgnored: '有不能使用的设置，已按未设置处理：{list}。',
  },
  en: {
    recalculateHint: 'Computes the execution rates and deviation notes; Download the computed workbook gives a copy with them written in.',
    recalculated: 'Computed: the downloaded workbook will have {cells} cells written. Choose Download the computed workbook.',
    issueSelectHint: 'Show the row of {cell}',
    generateHint: 'Generates the report, ready to copy into Word; the downloaded workbook also holds it on the 自评报告 and 核对清单 sheets.',
    reportReady: 'The report is ready: {paragraphs} paragraphs; in the downloaded workbook it is on sheet “{sheet}”.',
    reportReadyForms: 'The report is ready: {paragraphs} paragraphs; in the downloaded workbook it is on sheet “{sheet}”, the self-evaluation forms of {forms} projects on “{formSheet}”.',
    reportReadyKept: 'Sheet {kept} in the workbook was changed since it was generated and is kept as it is in the download; the new report goes on sheet “{sheet}” ({paragraphs} paragraphs).',
    generatedAndCopied: 'The report is generated and copied with its formatting; paste it into Word.',
    copiedAfterUpdate: 'The data changed: the report was generated again from the current figures and copied with its formatting; paste it into Word.',
    copyFallback: 'The browser does not allow copying here: use Download Word document, or copy the 自评报告 sheet ({range}) in the downloaded workbook.',
    copyFallbackAfterUpdate: 'The report was generated again, but the browser does not allow copying after that: choose Copy report once more, or use Download Word document.',
    reportStaleAction: 'Copy report and Download Word document first generate the report again from the current figures.',
    checklistMore: '{count} more on the “{sheet}” sheet of the downloaded workbook.',
    settingsSaved: 'Settings applied. They last while this page is open; the downloaded workbook is computed with them.',
    savedSettingsIgnored: 'Some settings cannot be used and are treated as unset: {list}.',
  },
};

/** The page's frame: the file picker, the promise about the file, and the cell viewer. */
export const FRAME = {
  zh: {
    title: '绩效自评助手（浏览器版）',
    intro: '在浏览器中打开预算执行工作簿（.xlsx / .xlsm）：检查每一行、计算执行率、生成绩效自评报告。',
    privacy: '工作簿只在这台电脑的浏览器中处理，不会上传到任何地方；原文件不会被修改，结果请用“下载计算后的工作簿”另存。',
    choose: '选择工作簿…',
    drop: '或把工作簿拖到这里',
    opening: '正在打开 {file}…',
    opened: '当前工作簿：{file}',
    another: '打开其他工作簿',
    cell: '{cell} 所在的行',
    cellEmpty: '（空）',
    closeCell: '关闭',
    noWorker: '这个浏览器不能在后台处理工作簿（不支持 Web Worker）。请使用较新的 Chrome、Edge、Firefox 或 Safari。',
    noDownload: '如果点击下载后没有保存文件（较旧的 Safari），请在链接上点右键，选择“链接另存为…”。',
  },
  en: {
    title: 'Performance self-evaluation (browser)',
    intro: 'Open the budget execution workbook (.xlsx / .xlsm) in your browser: every row checked, execution rates computed, the self-evaluation report written.',
    privacy: 'The workbook is processed in this browser on this computer and is not uploaded anywhere; the original file is not changed — save the results with Download the computed workbook.',
    choose: 'Choose a workbook…',
    drop: 'or drop a workbook here',
    opening: 'Opening {file}…',
    opened: 'Workbook: {file}',
    another: 'Open another workbook',
    cell: 'The row of {cell}',
    cellEmpty: '(empty)',
    closeCell: 'Close',
    noWorker: 'This browser cannot process the workbook in the background (no Web Worker). Use a current Chrome, Edge, Firefox or Safari.',
    noDownload: 'If a download does not save a file (older Safari), right-click the link and choose Download Linked File As….',
  },
} as const;
