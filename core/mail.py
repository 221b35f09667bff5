"""What staff are told when a mail could not be sent, for every app that mails (the
cooperatives' outbox, the answers to readers' questions)."""

import smtplib

ERROR_CHARS = 300


def error_text(error: Exception) -> str:
    """What went wrong, short, in Vietnamese: the mail server's answer, never the settings
    (host, account, password)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in error.recipients.values()})
        text = f"Máy chủ thư từ chối người nhận (mã {', '.join(map(str, codes))})"
    elif isinstance(error, smtplib.SMTPAuthenticationError):
        text = f"Máy chủ thư không nhận tài khoản gửi thư (mã {error.smtp_code})"
    elif isinstance(error, smtplib.SMTPResponseException):
        answer = error.smtp_error
        if isinstance(answer, bytes):
            answer = answer.decode("utf-8", "replace")
        text = f"Máy chủ thư trả lời lỗi {error.smtp_code}: {answer}"
    elif isinstance(error, smtplib.SMTPServerDisconnected):
        text = "Máy chủ thư ngắt kết nối"
    elif isinstance(error, TimeoutError):
        text = "Máy chủ thư không trả lời (quá thời gian chờ)"
    elif isinstance(error, OSError):
        text = f"Không kết nối được máy chủ thư: {error.strerror or type(error).__name__}"
    else:
        text = f"Lỗi khi gửi thư: {type(error).__name__}"
    return " ".join(text.split())[:ERROR_CHARS]
