<#-- VIGI mail layout: a navy brand bar over a white card; inline styles because mail clients drop <style>. -->
<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body style="margin:0;padding:0;background:#eef2f7;font-family:Arial,Helvetica,sans-serif;color:#1b2a3a;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#eef2f7;padding:24px 0;">
  <tr>
    <td align="center">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;overflow:hidden;">
        <tr>
          <td style="background:#0a2540;padding:16px 24px;border-bottom:4px solid #1769e0;">
            <span style="color:#ffffff;font-size:22px;font-weight:bold;letter-spacing:3px;">VIGI</span>
            <span style="color:#27b1e6;font-size:13px;font-weight:bold;padding-left:6px;">2FA</span>
          </td>
        </tr>
        <tr>
          <td style="padding:24px;font-size:15px;line-height:1.5;">
            <#nested>
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>
