/**
 * The install scripts of the WPS add-in (dist-wps/), written by webpack.wps.config.js:
 *   install-wps.sh   Kylin / UOS / other Linux: ~/.local/share/Kingsoft/wps/jsaddons/
 *   install-wps.cmd  Windows (double-click; runs install-wps.ps1): %APPDATA%\kingsoft\wps\jsaddons\
 *   INSTALL.txt      the same steps by hand, and the intranet-server variant
 * Each copies the add-in into jsaddons/<folder>/ (removing older jingxin_* folders) and puts
 * the add-in's <jsplugin> entry into jsaddons/publish.xml, keeping the other add-ins' entries.
 * WPS_JSADDONS overrides the target folder (tests, unusual installs).
 */
"use strict";

/** Files in dist-wps/ that are not part of the add-in itself. */
const INSTALLER = ["install-wps.sh", "install-wps.cmd", "install-wps.ps1", "publish.xml", "jsplugins.xml", "INSTALL.txt"];

function sh({ folder, entry }) {
  return `#!/bin/sh
# Jingxin (经信助手) WPS add-in: per-user install on Linux (Kylin, UOS). Run: sh install-wps.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest="\${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
folder="${folder}"
entry='${entry}'
mkdir -p "$dest"
rm -rf "$dest"/jingxin_*
mkdir -p "$dest/$folder"
for f in "$here"/* "$here"/.[!.]*; do
  [ -e "$f" ] || continue
  case "$(basename "$f")" in
    ${INSTALLER.join("|")}) ;;
    *) cp -R "$f" "$dest/$folder/" ;;
  esac
done
pub="$dest/publish.xml"
if [ -f "$pub" ] && grep -q '</jsplugins>' "$pub"; then
  tmp="$pub.tmp.$$"
  grep -v 'name="jingxin"' "$pub" | awk -v e="$entry" '/<\\/jsplugins>/ { print "  " e } { print }' > "$tmp"
  mv "$tmp" "$pub"
else
  cp "$here/publish.xml" "$pub"
fi
echo "已安装到 $dest/$folder ，请重启 WPS。 (Installed into $dest/$folder; restart WPS.)"
`;
}

function ps1({ folder }) {
  // ASCII only: Windows PowerShell 5 reads a BOM-less script in the ANSI code page.
  return `# Jingxin WPS add-in: per-user install on Windows. Run install-wps.cmd (or this script).
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$dest = if ($env:WPS_JSADDONS) { $env:WPS_JSADDONS } else { Join-Path $env:APPDATA 'kingsoft\\wps\\jsaddons' }
$folder = '${folder}'
$skip = @(${INSTALLER.map((f) => `'${f}'`).join(", ")})
New-Item -ItemType Directory -Force -Path $dest | Out-Null
Get-ChildItem -Path $dest -Directory -Filter 'jingxin_*' | Remove-Item -Recurse -Force
$target = Join-Path $dest $folder
New-Item -ItemType Directory -Force -Path $target | Out-Null
Get-ChildItem -Path $here | Where-Object { $skip -notcontains $_.Name } | Copy-Item -Destination $target -Recurse -Force
$pub = Join-Path $dest 'publish.xml'
$doc = New-Object System.Xml.XmlDocument
if (Test-Path $pub) { $doc.Load($pub) } else { $doc.LoadXml('<?xml version="1.0" encoding="UTF-8"?><jsplugins/>') }
$root = $doc.DocumentElement
foreach ($n in @($root.ChildNodes | Where-Object { $_.NodeType -eq 'Element' -and $_.GetAttribute('name') -eq 'jingxin' })) { [void]$root.RemoveChild($n) }
$mine = New-Object System.Xml.XmlDocument
$mine.Load((Join-Path $here 'publish.xml'))
foreach ($n in @($mine.DocumentElement.ChildNodes | Where-Object { $_.NodeType -eq 'Element' })) { [void]$root.AppendChild($doc.ImportNode($n, $true)) }
$doc.Save($pub)
Write-Host "Installed into $target. Restart WPS."
`;
}

function cmd() {
  return "@echo off\r\npowershell -NoProfile -ExecutionPolicy Bypass -File \"%~dp0install-wps.ps1\"\r\npause\r\n";
}

function txt({ folder, url }) {
  return `经信助手 Jingxin — WPS 表格加载项 (WPS Spreadsheets add-in)
详见 docs/wps.md (see docs/wps.md).

一、单机安装（每个用户） / Per-user install
  Windows:        双击 install-wps.cmd            (double-click install-wps.cmd)
  麒麟 Kylin / 统信 UOS: sh install-wps.sh        (run sh install-wps.sh)
  然后重启 WPS，功能区出现“经信助手”选项卡。 (Restart WPS: a 经信助手 tab appears.)

  手动安装 (by hand): 把本目录除安装文件外的内容复制到
    Windows: %APPDATA%\\kingsoft\\wps\\jsaddons\\${folder}\\
    Linux:   ~/.local/share/Kingsoft/wps/jsaddons/${folder}/
  并把 publish.xml 中的 <jsplugin …/> 一行加入 jsaddons 目录下的 publish.xml（没有就复制过去）。
  (Copy this folder's add-in files there and add publish.xml's <jsplugin/> line to jsaddons/publish.xml.)

二、内网服务器部署 / Intranet server
  把本目录发布到 ${url} （构建时用 --env wpsUrl=… 改地址），
  在各终端 WPS 的 oem.ini 中设置 [Support] JsApiPlugin=true、[Server] JSPluginsServer=${url}jsplugins.xml 。
  (Serve this folder at that URL; point oem.ini's JSPluginsServer at jsplugins.xml.)

自定义函数 JX.* 需要 WPS 12.1.0.20540 或更新版本。 (The JX functions need WPS 12.1.0.20540 or later.)
`;
}

/** { fileName: text } of the installer files. */
function installFiles(o) {
  return { "install-wps.sh": sh(o), "install-wps.ps1": ps1(o), "install-wps.cmd": cmd(), "INSTALL.txt": txt(o) };
}

module.exports = { installFiles, INSTALLER };
