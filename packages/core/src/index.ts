export * from './api'
export { createCaptcha } from './create-captcha'
