/* Vietnamese labels for the rich-text editor's toolbar (django-prose-editor).
   Its dialogs are translated through Django's JavaScript catalogue (locale/vi
   djangojs.po); the toolbar's tooltips and block names are fixed English strings in
   its bundle, so they are replaced here once the toolbar exists. */
(function () {
  "use strict";
  var titles = {
    "paragraph": "Kiểu đoạn: đoạn văn, tiêu đề",
    "unordered list": "Danh sách gạch đầu dòng",
    "ordered list": "Danh sách đánh số",
    "List properties": "Thuộc tính danh sách",
    "blockquote": "Trích dẫn",
    "horizontal rule": "Đường kẻ ngang",
    "bold": "Chữ đậm (Ctrl+B)",
    "italic": "Chữ nghiêng (Ctrl+I)",
    "underline": "Gạch chân (Ctrl+U)",
    "strike": "Gạch ngang",
    "subscript": "Chỉ số dưới",
    "superscript": "Chỉ số trên",
    "insert link": "Chèn liên kết",
    "remove link": "Bỏ liên kết",
    "Insert table": "Chèn bảng",
    "Add column": "Thêm cột",
    "Delete column": "Xóa cột",
    "Add row": "Thêm dòng",
    "Delete row": "Xóa dòng",
    "Merge cells": "Gộp ô",
    "Split cell": "Tách ô",
    "Toggle header cell": "Ô tiêu đề / ô thường",
    "Delete table": "Xóa bảng",
    "undo": "Hoàn tác (Ctrl+Z)",
    "redo": "Làm lại (Ctrl+Y)"
  };
  var texts = {
    "Heading 2": "Tiêu đề cấp 2",
    "Heading 3": "Tiêu đề cấp 3",
    "Heading 4": "Tiêu đề cấp 4",
    "Paragraph": "Đoạn văn",
    "Add column": "Thêm cột",
    "Delete column": "Xóa cột",
    "Add row": "Thêm dòng",
    "Delete row": "Xóa dòng",
    "Toggle header cell": "Ô tiêu đề",
    "Delete table": "Xóa bảng"
  };

  function translate(root) {
    root.querySelectorAll(".prose-menubar [title]").forEach(function (element) {
      var title = element.getAttribute("title");
      if (titles[title]) {
        element.setAttribute("title", titles[title]);
        element.setAttribute("aria-label", titles[title]);
      }
    });
    root.querySelectorAll(".prose-menubar *").forEach(function (element) {
      if (element.childElementCount === 0 && texts[element.textContent]) {
        element.textContent = texts[element.textContent];
      }
    });
  }

  function start() {
    translate(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) translate(node.parentNode || node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
