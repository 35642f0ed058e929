<#--
  The one code field of every VIGI page (sign-in, turn on, turn off, e-mail change): a number pad, the app's code
  offered by autofill, and in the browser the rule the server applies (guard/CodeInput: spaces anywhere, the digits of
  any script, exactly the policy's number of digits, at most vigiCodeMaxLength characters), explained in the
  product's words when it does not hold. vigiDigits and vigiCodeMaxLength come from CodeInput.describe.
-->
<#macro field describedBy invalid autofocus=true>
    <input id="otp" name="otp" type="text" class="${properties.kcInputClass!}"
           autocomplete="one-time-code" inputmode="numeric" spellcheck="false" autocapitalize="off"
           pattern="(\s*\p{Nd}){${(vigiDigits!6)?c}}\s*" maxlength="${(vigiCodeMaxLength!64)?c}"
           title="${msg("vigi2faCodeFormat")}"
           <#if autofocus>autofocus</#if> required
           aria-invalid="<#if invalid>true</#if>"
           aria-describedby="${describedBy}"/>
</#macro>
