/**
 * File-system failures in plain words: what happened to which of the user's files and what to do —
 * never an errno alone, never the name of a temporary file (Node's own message carries it, so it is
 * never shown). Windows reports a file open in Excel as EBUSY, EPERM or EACCES; elsewhere EACCES and
 * EPERM mean permissions.
 */
import * as path from 'path';
import { errnoCode } from './file-system';
import type { Bilingual } from './cli-error';

export type FsAction =
  /** Reading the input workbook or a --config / --map file. */
  | 'read'
  /** Creating a missing output folder. */
  | 'mkdir'
  /** Writing a new output file into its folder. */
  | 'write'
  /** Moving an existing output aside to replace it. */
  | 'replace';

export interface FsErrorContext {
  action: FsAction;
  /** The user's file (never a temporary one). */
  file: string;
  /** The option that named it (-o, --json…), to say which one to change. */
  flag?: string;
  platform: NodeJS.Platform;
}

const NETWORK = new Set(['ETIMEDOUT', 'ENOTCONN', 'EHOSTDOWN', 'EHOSTUNREACH', 'ECONNRESET', 'ENETDOWN', 'ENETUNREACH', 'ESTALE', 'ECONNREFUSED']);

export function describeFsError(e: unknown, ctx: FsErrorContext): Bilingual {
  const code = errnoCode(e);
  const { file, action } = ctx;
  const dir = action === 'mkdir' ? file : path.dirname(path.resolve(file));
  const change = ctx.flag ? { zh: `用 ${ctx.flag} 换一个`, en: `use ${ctx.flag} to choose another` } : { zh: '换一个', en: 'choose another' };
  const locked = {
    zh: `${file} 正被其他程序打开（如 Excel 或 WPS），无法${action === 'read' ? '读取' : '替换'}。请先关闭该文件${action === 'read' ? '' : `，或${change.zh}文件名`}后重试。`,
    en: `${file} is open in another program (such as Excel or WPS) and cannot be ${action === 'read' ? 'read' : 'replaced'}. Close it${action === 'read' ? '' : `, or ${change.en} file name,`} and try again.`,
  };
  switch (code) {
    case 'ENOENT':
      if (action === 'read') return { zh: `找不到文件：${file}`, en: `File not found: ${file}` };
      return { zh: `找不到文件夹 ${dir}（可能已被移走或删除），无法写出 ${file}。`, en: `The folder ${dir} is gone (moved or deleted); ${file} could not be written.` };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        zh: `磁盘空间不足${code === 'EDQUOT' ? '（已达配额）' : ''}，无法写出 ${file}。请清理磁盘空间，或${change.zh}其他磁盘上的文件夹后重试。`,
        en: `The disk is full${code === 'EDQUOT' ? ' (quota reached)' : ''}; ${file} could not be written. Free some space, or ${change.en} folder on another disk, and try again.`,
      };
    case 'EROFS':
      return {
        zh: `${dir} 位于只读位置（如光盘、只读共享或受保护的盘），无法${action === 'read' ? '读取' : '写出'} ${file}。请${change.zh}可以写入的文件夹。`,
        en: `${dir} is on a read-only medium (a disc, a read-only share or a protected drive); ${file} cannot be written there. Please ${change.en} folder you can write to.`,
      };
    case 'EBUSY':
      return locked;
    case 'EACCES':
    case 'EPERM':
      if (action === 'read') {
        if (ctx.platform === 'win32') return locked;
        return { zh: `没有读取 ${file} 的权限。请确认您能打开它，或把它复制到自己的文件夹后重试。`, en: `You do not have permission to read ${file}. Check that you can open it, or copy it to a folder of your own and try again.` };
      }
      if (action === 'replace' && ctx.platform === 'win32') return locked;
      return {
        zh: `没有在文件夹 ${dir} 中写入的权限，无法写出 ${file}。请${change.zh}有写入权限的文件夹（如“文档”或桌面），或请管理员开放权限。`,
        en: `You do not have permission to write in ${dir}; ${file} could not be written. Please ${change.en} folder you can write to (such as Documents or the desktop), or ask an administrator.`,
      };
    case 'EISDIR':
      return {
        zh: `${file} 是一个文件夹，不是文件。请写出完整的文件名，如 ${path.join(file, action === 'read' ? '预算.xlsx' : '结果' + (path.extname(file) || '.xlsx'))}。`,
        en: `${file} is a folder, not a file. Please give a file name, e.g. ${path.join(file, action === 'read' ? 'budget.xlsx' : 'result' + (path.extname(file) || '.xlsx'))}.`,
      };
    case 'ENOTDIR':
      return { zh: `${file} 的路径中有一段是文件而不是文件夹，请检查路径。`, en: `Part of the path ${file} is a file, not a folder; check the path.` };
    case 'EEXIST':
      return { zh: `${dir} 中已有同名的文件，不能创建文件夹，请检查路径：${file}`, en: `A file stands where the folder ${dir} should be; check the path ${file}.` };
    case 'ENAMETOOLONG':
      return { zh: `路径过长：${file}。请换一个较短的文件夹或文件名。`, en: `The path is too long: ${file}. Use a shorter folder or file name.` };
    case 'EIO':
      return { zh: `读写 ${file} 时磁盘出错（设备故障，或网络盘、U 盘连接中断）。请检查后重试。`, en: `A disk error occurred on ${file} (a failing device, or a network or USB drive that was disconnected). Check it and try again.` };
    case 'EMFILE':
    case 'ENFILE':
      return { zh: `同时打开的文件过多，无法处理 ${file}。请关闭一些程序后重试。`, en: `Too many files are open to handle ${file}. Close some programs and try again.` };
    default:
      if (code && NETWORK.has(code)) {
        return { zh: `网络文件夹 ${dir} 无法访问（连接中断或超时），${file} 未能${action === 'read' ? '读取' : '写出'}。请检查网络后重试。`, en: `The network folder ${dir} cannot be reached (disconnected or timed out); ${file} was not ${action === 'read' ? 'read' : 'written'}. Check the network and try again.` };
      }
      return {
        zh: `${action === 'read' ? '无法读取' : '无法写出'} ${file}（系统错误 ${code ?? '未知'}）。请检查文件和文件夹是否可用后重试。`,
        en: `${file} could not be ${action === 'read' ? 'read' : 'written'} (system error ${code ?? 'unknown'}). Check the file and its folder and try again.`,
      };
  }
}
