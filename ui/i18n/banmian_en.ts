<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="zh_CN">
    <context>
        <name>Actions</name>
        <message>
            <source>English interface</source>
            <translation>English interface</translation>
        </message>
        <message>
            <source>中文界面</source>
            <translation>中文界面</translation>
        </message>
        <message>
            <source>保存(&amp;S)</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>关于版面</source>
            <translation>About Banmian</translation>
        </message>
        <message>
            <source>出血线</source>
            <translation>Bleed</translation>
        </message>
        <message>
            <source>删除(&amp;D)</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>原文版（简体）</source>
            <translation>Source edition (Simplified)</translation>
        </message>
        <message>
            <source>另存为(&amp;A)…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <source>台湾繁体版 s2twp</source>
            <translation>Taiwan Traditional s2twp</translation>
        </message>
        <message>
            <source>基线网格</source>
            <translation>Baseline grid</translation>
        </message>
        <message>
            <source>实际大小 100%</source>
            <translation>Actual size 100%</translation>
        </message>
        <message>
            <source>导入稿件(&amp;I)…</source>
            <translation>&amp;Import copy…</translation>
        </message>
        <message>
            <source>导出 PDF(&amp;E)…</source>
            <translation>&amp;Export PDF…</translation>
        </message>
        <message>
            <source>导出 PNG…</source>
            <translation>Export PNG…</translation>
        </message>
        <message>
            <source>左对齐</source>
            <translation>Align left</translation>
        </message>
        <message>
            <source>打印预览…</source>
            <translation>Print preview…</translation>
        </message>
        <message>
            <source>打开(&amp;O)…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>撤销(&amp;U)</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>放大</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>新建(&amp;N)</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>栏线</source>
            <translation>Columns</translation>
        </message>
        <message>
            <source>水平分布</source>
            <translation>Distribute horizontally</translation>
        </message>
        <message>
            <source>画版块(&amp;B)</source>
            <translation>Draw &amp;block</translation>
        </message>
        <message>
            <source>移到最前</source>
            <translation>Bring to front</translation>
        </message>
        <message>
            <source>移到最后</source>
            <translation>Send to back</translation>
        </message>
        <message>
            <source>缩小</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>自动组版(&amp;C)</source>
            <translation>&amp;Compose page</translation>
        </message>
        <message>
            <source>裁切线</source>
            <translation>Trim</translation>
        </message>
        <message>
            <source>退出(&amp;Q)</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>适合宽度</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>适合页面</source>
            <translation>Fit page</translation>
        </message>
        <message>
            <source>重做(&amp;R)</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>页边距</source>
            <translation>Margins</translation>
        </message>
        <message>
            <source>顶对齐</source>
            <translation>Align top</translation>
        </message>
        <message>
            <source>预览模式(&amp;P)</source>
            <translation>&amp;Preview</translation>
        </message>
        <message>
            <source>香港繁体版 s2hk</source>
            <translation>Hong Kong Traditional s2hk</translation>
        </message>
        <message>
            <source>先点要续排的版块（或它的续排口），再点接排的版块</source>
            <translation>Click the frame to continue (or its out-port), then the frame that takes the overflow</translation>
        </message>
        <message>
            <source>简繁对照(&amp;S)</source>
            <translation>&amp;Side by side</translation>
        </message>
        <message>
            <source>续排(&amp;L)</source>
            <translation>&amp;Link frames</translation>
        </message>
        <message>
            <source>置入图片(&amp;M)…</source>
            <translation>Place i&amp;mage…</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>打开的文档</source>
            <translation>Opened document</translation>
        </message>
    </context>
    <context>
        <name>InspectorPanel</name>
        <message>
            <source>修改版块属性</source>
            <translation>Change block</translation>
        </message>
        <message>
            <source>单线</source>
            <translation>line</translation>
        </message>
        <message>
            <source>双线</source>
            <translation>double</translation>
        </message>
        <message>
            <source>宽（栏）</source>
            <translation>Width (cols)</translation>
        </message>
        <message>
            <source>底纹</source>
            <translation>Tint</translation>
        </message>
        <message>
            <source>按栏</source>
            <translation>per column</translation>
        </message>
        <message>
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <source>未选择版块</source>
            <translation>No block selected</translation>
        </message>
        <message>
            <source>标宋</source>
            <translation>Bold Song</translation>
        </message>
        <message>
            <source>标题字体</source>
            <translation>Head face</translation>
        </message>
        <message>
            <source>标题字号</source>
            <translation>Head size</translation>
        </message>
        <message>
            <source>标题方向</source>
            <translation>Head direction</translation>
        </message>
        <message>
            <source>标题跨栏</source>
            <translation>Head span</translation>
        </message>
        <message>
            <source>栏</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>框线</source>
            <translation>Frame</translation>
        </message>
        <message>
            <source>楷体</source>
            <translation>Kai</translation>
        </message>
        <message>
            <source>横题</source>
            <translation>horizontal</translation>
        </message>
        <message>
            <source>正文栏数</source>
            <translation>Body columns</translation>
        </message>
        <message>
            <source>毫米</source>
            <translation>mm</translation>
        </message>
        <message>
            <source>点线</source>
            <translation>dotted</translation>
        </message>
        <message>
            <source>竖题</source>
            <translation>vertical</translation>
        </message>
        <message>
            <source>自动</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>花边</source>
            <translation>ornamental</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>通栏</source>
            <translation>full width</translation>
        </message>
        <message>
            <source>高（行）</source>
            <translation>Height (lines)</translation>
        </message>
        <message>
            <source>黑体</source>
            <translation>Hei (sans)</translation>
        </message>
        <message>
            <source>图片适配</source>
            <translation>Picture fit</translation>
        </message>
        <message>
            <source>拐弯</source>
            <translation>L shape</translation>
        </message>
        <message>
            <source>拐弯宽（栏）</source>
            <translation>Notch width (cols)</translation>
        </message>
        <message>
            <source>拐弯高（行）</source>
            <translation>Notch height (lines)</translation>
        </message>
        <message>
            <source>续排到</source>
            <translation>Continues in</translation>
        </message>
        <message>
            <source>续排版块</source>
            <translation>Link frames</translation>
        </message>
        <message>
            <source>（不续排）</source>
            <translation>(not linked)</translation>
        </message>
        <message>
            <source>矩形</source>
            <translation>Rectangle</translation>
        </message>
        <message>
            <source>右下拐弯</source>
            <translation>Notch bottom right</translation>
        </message>
        <message>
            <source>左下拐弯</source>
            <translation>Notch bottom left</translation>
        </message>
        <message>
            <source>右上拐弯</source>
            <translation>Notch top right</translation>
        </message>
        <message>
            <source>左上拐弯</source>
            <translation>Notch top left</translation>
        </message>
        <message>
            <source>充满（裁切）</source>
            <translation>Fill (crop)</translation>
        </message>
        <message>
            <source>完整显示</source>
            <translation>Fit whole</translation>
        </message>
        <message>
            <source>手动裁切</source>
            <translation>Manual crop</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>%1栏 %2行</source>
            <translation>col %1 line %2</translation>
        </message>
        <message>
            <source>仍然导出吗？</source>
            <translation>Export anyway?</translation>
        </message>
        <message>
            <source>先导入稿件</source>
            <translation>import copy first</translation>
        </message>
        <message>
            <source>关于版面</source>
            <translation>About Banmian</translation>
        </message>
        <message>
            <source>切换版本</source>
            <translation>Switch edition</translation>
        </message>
        <message>
            <source>删除版块</source>
            <translation>Delete blocks</translation>
        </message>
        <message>
            <source>印前检查</source>
            <translation>Preflight</translation>
        </message>
        <message>
            <source>印前检查发现错误：
</source>
            <translation>Preflight found errors:
</translation>
        </message>
        <message>
            <source>历史</source>
            <translation>History</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <source>容量 %1行 %2字 · 稿件 %3字 %4</source>
            <translation>capacity %1 lines %2 chars · story %3 chars %4</translation>
        </message>
        <message>
            <source>对齐</source>
            <translation>Align</translation>
        </message>
        <message>
            <source>导入了 %1 篇稿件</source>
            <translation>Imported %1 stories</translation>
        </message>
        <message>
            <source>导入稿件</source>
            <translation>Import copy</translation>
        </message>
        <message>
            <source>导出 PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>导出 PNG</source>
            <translation>Export PNG</translation>
        </message>
        <message>
            <source>属性</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <source>工具</source>
            <translation>Tools</translation>
        </message>
        <message>
            <source>已保存 </source>
            <translation>Saved </translation>
        </message>
        <message>
            <source>已导出。现在打开吗？
</source>
            <translation>Exported. Open it now?
</translation>
        </message>
        <message>
            <source>已选 %1 个版块</source>
            <translation>%1 blocks selected</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Recover</translation>
        </message>
        <message>
            <source>打印预览</source>
            <translation>Print preview</translation>
        </message>
        <message>
            <source>打开</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>换一个文件夹</source>
            <translation>choose another folder</translation>
        </message>
        <message>
            <source>操作失败，文档未改变：</source>
            <translation>The action failed; the document is unchanged: </translation>
        </message>
        <message>
            <source>放置稿件</source>
            <translation>Place story</translation>
        </message>
        <message>
            <source>文档已修改，是否保存？</source>
            <translation>The document has changed. Save it?</translation>
        </message>
        <message>
            <source>无法写入 PNG</source>
            <translation>Cannot write the PNG</translation>
        </message>
        <message>
            <source>最近的文件</source>
            <translation>Recent files</translation>
        </message>
        <message>
            <source>未命名</source>
            <translation>Untitled</translation>
        </message>
        <message>
            <source>正在导出 PDF…</source>
            <translation>Exporting PDF…</translation>
        </message>
        <message>
            <source>水平分布</source>
            <translation>Distribute horizontally</translation>
        </message>
        <message>
            <source>没有稿件可以组版</source>
            <translation>There are no stories to compose</translation>
        </message>
        <message>
            <source>版面</source>
            <translation>Banmian</translation>
        </message>
        <message>
            <source>版面 Banmian — 中文报纸版面编辑器。</source>
            <translation>Banmian — a page editor for Chinese newspapers.</translation>
        </message>
        <message>
            <source>版面上次没有正常关闭。是否恢复自动保存的文档？
</source>
            <translation>Banmian did not close normally last time. Recover the autosaved document?
</translation>
        </message>
        <message>
            <source>版面文档 (*.banmian.json *.json)</source>
            <translation>Banmian documents (*.banmian.json *.json)</translation>
        </message>
        <message>
            <source>移到最前</source>
            <translation>Bring to front</translation>
        </message>
        <message>
            <source>移到最后</source>
            <translation>Send to back</translation>
        </message>
        <message>
            <source>稿件</source>
            <translation>Stories</translation>
        </message>
        <message>
            <source>稿件 (*.txt *.md *.docx)</source>
            <translation>Copy (*.txt *.md *.docx)</translation>
        </message>
        <message>
            <source>稿件编辑</source>
            <translation>Story editor</translation>
        </message>
        <message>
            <source>第%1版 / 共%2版</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message>
            <source>自动组版</source>
            <translation>Compose page</translation>
        </message>
        <message>
            <source>面板</source>
            <translation>Panels</translation>
        </message>
        <message>
            <source>先选中一个版块</source>
            <translation>Select one block first</translation>
        </message>
        <message>
            <source>图片置入选中的版块</source>
            <translation>The picture goes into the selected block</translation>
        </message>
        <message>
            <source>图片要放进版块</source>
            <translation>A picture must go into a block</translation>
        </message>
        <message>
            <source>把图片拖到一个版块上</source>
            <translation>Drop the picture on a block</translation>
        </message>
        <message>
            <source>简繁审校</source>
            <translation>Editions review</translation>
        </message>
        <message>
            <source>续排：先点要续排的版块</source>
            <translation>Link: click the frame to continue</translation>
        </message>
        <message>
            <source>续排：点接排的版块（点空白处取消）</source>
            <translation>Link: click the frame that takes the overflow (click the page to cancel)</translation>
        </message>
        <message>
            <source>置入图片</source>
            <translation>Place image</translation>
        </message>
        <message>
            <source>词库</source>
            <translation>Phrase dictionary</translation>
        </message>
        <message>
            <source>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>Pictures (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>版本(&amp;D)</source>
            <translation>E&amp;dition</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>视图(&amp;V)</source>
            <translation>&amp;View</translation>
        </message>
    </context>
    <context>
        <name>PageScene</name>
        <message>
            <source>新建版块</source>
            <translation>New block</translation>
        </message>
        <message>
            <source>移动版块</source>
            <translation>Move block</translation>
        </message>
        <message>
            <source>移动线条</source>
            <translation>Move rule</translation>
        </message>
        <message>
            <source>调整版块大小</source>
            <translation>Resize block</translation>
        </message>
        <message>
            <source>断开续排</source>
            <translation>Unlink frames</translation>
        </message>
        <message>
            <source>版块拐弯</source>
            <translation>Reshape block to L</translation>
        </message>
        <message>
            <source>移动图片</source>
            <translation>Move picture</translation>
        </message>
        <message>
            <source>续排版块</source>
            <translation>Link frames</translation>
        </message>
        <message>
            <source>置入图片</source>
            <translation>Place image</translation>
        </message>
        <message>
            <source>裁切图片</source>
            <translation>Crop picture</translation>
        </message>
        <message>
            <source>调整图片大小</source>
            <translation>Resize picture</translation>
        </message>
    </context>
    <context>
        <name>PagesPanel</name>
        <message>
            <source>删除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>删除版面</source>
            <translation>Remove page</translation>
        </message>
        <message>
            <source>前移</source>
            <translation>Move up</translation>
        </message>
        <message>
            <source>后移</source>
            <translation>Move down</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>添加版面</source>
            <translation>Add page</translation>
        </message>
        <message>
            <source>移动版面</source>
            <translation>Move page</translation>
        </message>
        <message>
            <source>第%1版</source>
            <translation>Page %1</translation>
        </message>
    </context>
    <context>
        <name>PreflightPanel</name>
        <message>
            <source>没有问题</source>
            <translation>No problems</translation>
        </message>
    </context>
    <context>
        <name>StoriesPanel</name>
        <message>
            <source>字数</source>
            <translation>Chars</translation>
        </message>
        <message>
            <source>已排</source>
            <translation>placed</translation>
        </message>
        <message>
            <source>未排</source>
            <translation>not placed</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>稿件</source>
            <translation>Stories</translation>
        </message>
        <message>
            <source>适配</source>
            <translation>Fit</translation>
        </message>
    </context>
    <context>
        <name>StoryEditorPanel</name>
        <message>
            <source>主题</source>
            <translation>Headline</translation>
        </message>
        <message>
            <source>作者</source>
            <translation>Byline</translation>
        </message>
        <message>
            <source>副题</source>
            <translation>Subtitle</translation>
        </message>
        <message>
            <source>引题</source>
            <translation>Kicker</translation>
        </message>
        <message>
            <source>未选择稿件</source>
            <translation>No story selected</translation>
        </message>
        <message>
            <source>编辑稿件</source>
            <translation>Edit story</translation>
        </message>
        <message>
            <source>正文，每段一行</source>
            <translation>Body text, one paragraph per line</translation>
        </message>
        <message>
            <source>段落</source>
            <translation>Paragraph</translation>
        </message>
        <message>
            <source>正文</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>小标题</source>
            <translation>Subhead</translation>
        </message>
        <message>
            <source>导语</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>图说</source>
            <translation>Caption</translation>
        </message>
    </context>
    <context>
        <name>EditionsView</name>
        <message>
            <source>原文</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>字数</source>
            <translation>Length</translation>
        </message>
        <message>
            <source>对照版本</source>
            <translation>Compare with</translation>
        </message>
        <message>
            <source>改字</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>版本 %1</source>
            <translation>Edition %1</translation>
        </message>
        <message>
            <source>稿件</source>
            <translation>Story</translation>
        </message>
        <message>
            <source>适配（原文 → 版本）</source>
            <translation>Fit (source → edition)</translation>
        </message>
    </context>
    <context>
        <name>PhraseTable</name>
        <message>
            <source>删除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>原文</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>原文，如 闸弄口</source>
            <translation>Source, e.g. 闸弄口</translation>
        </message>
        <message>
            <source>添加/修改</source>
            <translation>Add/replace</translation>
        </message>
        <message>
            <source>转换为</source>
            <translation>Converts to</translation>
        </message>
        <message>
            <source>转换为，如 閘弄口</source>
            <translation>Converts to, e.g. 閘弄口</translation>
        </message>
    </context>
    <context>
        <name>PhrasesPanel</name>
        <message>
            <source>复制到本文档</source>
            <translation>Copy to this document</translation>
        </message>
        <message>
            <source>本文档词库</source>
            <translation>This document</translation>
        </message>
        <message>
            <source>用户词库</source>
            <translation>User dictionary</translation>
        </message>
        <message>
            <source>词库：%1→%2</source>
            <translation>Phrase %1→%2</translation>
        </message>
        <message>
            <source>词库：删除 %1 条</source>
            <translation>Remove %1 phrases</translation>
        </message>
        <message>
            <source>词库：复制用户词条</source>
            <translation>Copy user phrases</translation>
        </message>
        <message>
            <source>词库</source>
            <translation>Phrase dictionary</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>上下文</source>
            <translation>Context</translation>
        </message>
        <message>
            <source>依据</source>
            <translation>Decided by</translation>
        </message>
        <message>
            <source>原字</source>
            <translation>Char</translation>
        </message>
        <message>
            <source>字形</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>当前为原文版。在“版本”菜单选择繁体或简体版本后，这里列出一字多形的字。</source>
            <translation>This is the source text. Choose an edition in the Edition menu to list the characters with several forms here.</translation>
        </message>
        <message>
            <source>改用此字</source>
            <translation>Use this form</translation>
        </message>
        <message>
            <source>版本 %1：%2 处一字多形，请确认或改用其他字形。</source>
            <translation>Edition %1: %2 characters with several forms; confirm each or choose another form.</translation>
        </message>
        <message>
            <source>确认</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>确认字形 %1→%2</source>
            <translation>Confirm %1→%2</translation>
        </message>
        <message>
            <source>稿件</source>
            <translation>Story</translation>
        </message>
        <message>
            <source>简繁改字 %1→%2</source>
            <translation>Form %1→%2</translation>
        </message>
        <message>
            <source>词</source>
            <translation>word</translation>
        </message>
        <message>
            <source>选用</source>
            <translation>Chosen</translation>
        </message>
        <message>
            <source>默认</source>
            <translation>default</translation>
        </message>
    </context>
    <context>
        <name>StoryBodyEdit</name>
        <message>
            <source>正文</source>
            <translation>Body</translation>
        </message>
        <message>
            <source>小标题</source>
            <translation>Subhead</translation>
        </message>
        <message>
            <source>导语</source>
            <translation>Lead</translation>
        </message>
        <message>
            <source>图说</source>
            <translation>Caption</translation>
        </message>
    </context>
</TS>