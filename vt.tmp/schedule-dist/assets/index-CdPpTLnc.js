(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);new MutationObserver(e=>{for(let t of e)if(t.type===`childList`)for(let e of t.addedNodes)e.tagName===`LINK`&&e.rel===`modulepreload`&&n(e)}).observe(document,{childList:!0,subtree:!0});function t(e){let t={};return e.integrity&&(t.integrity=e.integrity),e.referrerPolicy&&(t.referrerPolicy=e.referrerPolicy),t.credentials=e.crossOrigin===`use-credentials`?`include`:e.crossOrigin===`anonymous`?`omit`:`same-origin`,t}function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();var e=class extends Error{text;constructor(e){super(`${e.ru} / ${e.en}`),this.text=e}},t=class extends e{_tag=`ValidationError`;issues;constructor(e,t){super(t??{ru:`Данные не прошли проверку`,en:`The data did not pass validation`}),this.name=`ValidationError`,this.issues=e}};function n(t){if(t instanceof e)return!0;if(typeof t!=`object`||!t)return!1;let n=t._tag;return n===`ValidationError`||n===`NotFoundError`||n===`ConflictError`}function r(e){let t=Object.values(e).filter(e=>typeof e==`number`);return Object.entries(e).filter(([e,n])=>t.indexOf(+e)===-1).map(([e,t])=>t)}function i(e,t){return typeof t==`bigint`?t.toString():t}var a=class{constructor(e){this._getter=e,this._value=void 0}get value(){let e=this._getter;return e!==void 0&&(this._value=e(),this._getter=void 0),this._value}};function o(e){return new a(e)}function s(e){return e==null}function c(e){let t=+!!e.startsWith(`^`),n=e.endsWith(`$`)?e.length-1:e.length;return e.slice(t,n)}function l(e,t,n){Object.defineProperty(e,t,{value:n,writable:!0,enumerable:!0,configurable:!0})}function u(e){let t=Object.getOwnPropertyDescriptor(e,`shape`);return t?.get?t.get.raw:t?.value}var d=`captureStackTrace`in Error?Error.captureStackTrace:(...e)=>{};function f(e){return typeof e==`object`&&!!e&&!Array.isArray(e)}function ee(e){if(f(e)===!1)return!1;let t=e.constructor;if(t===void 0||typeof t!=`function`)return!0;let n=t.prototype;return f(n)!==!1&&Object.prototype.hasOwnProperty.call(n,`isPrototypeOf`)!==!1}function te(e){return ee(e)?{...e}:Array.isArray(e)?[...e]:e instanceof Map?new Map(e):e instanceof Set?new Set(e):e}var ne=new Set([`string`,`number`,`symbol`]);function re(e){return e.replace(/[.*+?^${}()|[\]\\]/g,`\\$&`)}function ie(e,t,n){let r=new e._zod.constr(t??e._zod.def);return(!t||n?.parent)&&(r._zod.parent=e),r}function p(e){let t=e;if(!t)return{};if(typeof t==`string`)return{error:()=>t};if(t?.message!==void 0){if(t?.error!==void 0)throw Error("Cannot specify both `message` and `error` params");t.error=t.message}return delete t.message,typeof t.error==`string`?{...t,error:()=>t.error}:t}function ae(e){return Object.keys(e).filter(t=>e[t]._zod.optin!==void 0&&e[t]._zod.optout===`optional`)}var oe={safeint:[-(2**53-1),2**53-1],int32:[-2147483648,2147483647],uint32:[0,4294967295],float32:[-34028234663852886e22,34028234663852886e22],float64:[-Number.MAX_VALUE,Number.MAX_VALUE]};function m(e,t=0){if(e.aborted===!0)return!0;for(let n=t;n<e.issues.length;n++)if(e.issues[n]?.continue!==!0)return!0;return!1}function se(e,t=0){if(e.aborted===!0)return!0;for(let n=t;n<e.issues.length;n++)if(e.issues[n]?.continue===!1)return!0;return!1}function ce(e,t){return t.map(t=>{var n;return(n=t).path??(n.path=[]),t.path.unshift(e),t})}function le(e){return typeof e==`string`?e:e?.message}function ue(e){let t=[];for(let n of e??[]){let e=n._zod.def;if(!/_(length|size)$|_equals$/.test(e.check))break;let r=e.maximum??e.length??e.size;r>=0&&t.push([r,n])}return t}function de(e,t,n){var r;for(let i=t;i<e.length;i++)(r=e[i]).schema??(r.schema=n)}function fe(e,t,n){var r;let i=e.inst?._zod?.traits;i?.has(`$ZodType`)&&(i.has(`$ZodCheck`)?(r=e).schema??(r.schema=e.inst):e.schema=e.inst);let a=e.schema===e.inst?void 0:e.schema?._zod.def?.error,o=e.message?e.message:le(e.inst?._zod.def?.error?.(e))??le(a?.(e))??le(t?.error?.(e))??le(n.customError?.(e))??le(n.localeError?.(e))??`Invalid input`,s={};for(let t of Object.keys(e))t!==`inst`&&t!==`schema`&&t!==`continue`&&t!==`input`&&t!==`__proto__`&&(s[t]=e[t]);return s.path??=[],s.message=o,t?.reportInput&&(s.input=e.input),s}var pe=/[\uD800-\uDBFF]/;function me(e){let t=e.length;if(!pe.test(e))return t;let n=t;for(let r=0;r<t-1;r++)(e.charCodeAt(r)&64512)==55296&&(e.charCodeAt(r+1)&64512)==56320&&(n--,r++);return n}function he(e){return Array.isArray(e)?`array`:typeof e==`string`?`string`:`unknown`}function ge(...e){let[t,n,r]=e;return typeof t==`string`?{message:t,code:`custom`,input:n,inst:r}:{...t}}function _e(e,t){for(let n in t){let r=Object.getOwnPropertyDescriptor(t,n);r.get?Object.defineProperty(e,n,{...r,enumerable:!1}):be(e,n,r.value)}}function ve(e,t,n,r=!0){return Object.defineProperty(e,t,{configurable:!0,writable:!0,enumerable:r,value:n}),n}function ye(e,t,n){return ve(e,t,n,!1)}function be(e,t,n){Object.defineProperty(e,t,{configurable:!0,get(){return this==null?n:ve(this,t,n.bind(this))},set(e){ve(this,t,e)}})}function xe(e,t){let n=Object.getPrototypeOf(e);return t in n?void 0:n}var Se,Ce=!1,we={configurable:!0,get(){Ce=!0}};function h(e,t,n){let r=Object.getPrototypeOf(e._zod);t in r&&Se!==e._zod?Se=void 0:(Se=e._zod,Object.defineProperty(r,t,{configurable:!0,get(){Object.defineProperty(this,t,we);let e=Ce;Ce=!1;try{let r=n(this);return Ce?delete this[t]:Object.defineProperty(this,t,{configurable:!0,writable:!0,value:r}),Ce||=e,r}catch(n){throw delete this[t],Ce||=e,n}},set(e){Object.defineProperty(this,t,{configurable:!0,writable:!0,value:e})}}))}function Te(e,t,n,r){let i=xe(e,t);i&&Object.defineProperty(i,t,{configurable:!0,get(){let e={configurable:!0,writable:!0,enumerable:r,value:void 0};return Object.defineProperty(this,t,e),e.value=n(this),Object.defineProperty(this,t,e),e.value},set(e){Object.defineProperty(this,t,{configurable:!0,writable:!0,enumerable:r,value:e})}})}var Ee,De={value:void 0,enumerable:!1},Oe=`captureStackTrace`in Error?Error:null;function ke(e){let t=Oe;if(t){let n=t.stackTraceLimit;if(typeof n==`number`){try{t.stackTraceLimit=0}catch{return Oe=null,new e}try{return new e}finally{t.stackTraceLimit=n}}}return new e}function g(e,t,n,r){let i={};function a(e){this.def=e,this.constr=d,this.traits=new Set}a.prototype=i;let o=n,s=o&&new WeakSet;function c(n,r){if(!n._zod){De.value=new a(r);try{Object.defineProperty(n,"_zod",De)}finally{De.value=void 0}}else if(n._zod.traits.has(e))return;if(n._zod.traits.add(e),t(n,r),s){let e=Object.getPrototypeOf(n),t=n._zod.constr.prototype,r=e;for(;r&&r!==t;)r=Object.getPrototypeOf(r);let i=r??e;s.has(i)||(s.add(i),_e(i,o))}let i=d.prototype;for(let e in i)Object.prototype.hasOwnProperty.call(i,e)&&(e in n||(n[e]=i[e].bind(n)))}let l=r?.Parent??Object;class u extends l{}Object.defineProperty(u,"name",{value:e});function d(e){let t=r?.Parent?ke(u):this;c(t,e);let n=t._zod.deferred;if(n){for(let e of n)e();t._zod.deferred=void 0}let i=globalThis.__zod_globalConfig?.postProcessor;return i&&i(t),t}return Object.defineProperty(d,"init",{value:c}),Object.defineProperty(d,Symbol.hasInstance,{value:t=>r?.Parent&&t instanceof r.Parent?!0:t?._zod?.traits?.has(e)}),Object.defineProperty(d,"name",{value:e}),d}var Ae=class extends Error{constructor(){super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`)}},je=class extends Error{constructor(e){super(`Encountered unidirectional transform during encode: ${e}`),this.name=`ZodEncodeError`}};(Ee=globalThis).__zod_globalConfig??(Ee.__zod_globalConfig={});var Me=globalThis.__zod_globalConfig;function _(e){return e&&Object.assign(Me,e),Me}function Ne(){let e=this._zod;return e.message??=JSON.stringify(e.def,i,2),e.message}function Pe(e){this._zod.message=e}var Fe={get:Ne,set:Pe,enumerable:!0,configurable:!0},Ie={value:void 0,enumerable:!1},Le=new WeakSet([Object.prototype,Error.prototype]),Re=g(`$ZodError`,(e,t)=>{e.name=`$ZodError`,Ie.value=t,Object.defineProperty(e,"issues",Ie),Ie.value=void 0,Object.defineProperty(e,"message",Fe);let n=Object.getPrototypeOf(e);Le.has(n)||(Le.add(n),Object.defineProperty(n,"toString",{configurable:!0,enumerable:!1,get(){let e=()=>this.message;return Object.defineProperty(this,"toString",{value:e,configurable:!0,writable:!0}),e},set(e){Object.defineProperty(this,"toString",{value:e,configurable:!0,writable:!0})}}))},void 0,{Parent:Error}),ze=(e=>{let t=(n,r,i,a)=>{let o=i?{...i,async:!1}:{async:!1},s=n._zod.run({value:r,issues:[]},o);if(s instanceof Promise)throw new Ae;if(s.issues.length){let n=new((a?.Err)??e)(s.issues.map(e=>fe(e,o,_())));throw d(n,a?.callee??t),n}return s.value};return t})(Re),Be=(e=>{let t=async(n,r,i,a)=>{let o=i?{...i,async:!0}:{async:!0},s=n._zod.run({value:r,issues:[]},o);if(s instanceof Promise&&(s=await s),s.issues.length){let n=new((a?.Err)??e)(s.issues.map(e=>fe(e,o,_())));throw d(n,a?.callee??t),n}return s.value};return t})(Re),Ve=(e=>(t,n,r)=>{let i=r?{...r,async:!1}:{async:!1},a=t._zod.run({value:n,issues:[]},i);if(a instanceof Promise)throw new Ae;return a.issues.length?He(e,a.issues,i):{success:!0,data:a.value}})(Re);function He(e,t,n){let r;return{success:!1,get error(){return r||(r=new e(t.map(e=>fe(e,n,_()))),t=void 0,n=void 0),r},set error(e){r=e,t=void 0,n=void 0}}}var Ue=(e=>async(t,n,r)=>{let i=r?{...r,async:!0}:{async:!0},a=t._zod.run({value:n,issues:[]},i);return a instanceof Promise&&(a=await a),a.issues.length?He(e,a.issues,i):{success:!0,data:a.value}})(Re),We=/^[\s\S]{0,}$/,Ge=/^-?\d+(?:\.\d+)?$/,Ke=/^(?:true|false)$/i,v=g(`$ZodCheck`,(e,t)=>{var n;e._zod??={},e._zod.def=t,(n=e._zod).onattach??(n.onattach=[])}),qe=e=>{let t=e.value;return!s(t)&&t.length!==void 0},Je={number:`number`,bigint:`bigint`,object:`date`},Ye=g(`$ZodCheckLessThan`,(e,t)=>{v.init(e,t);let n=Je[typeof t.value];e._zod.check=r=>{(t.inclusive?r.value<=t.value:r.value<t.value)||r.issues.push({origin:Je[typeof r.value]??n,code:`too_big`,maximum:typeof t.value==`object`?t.value.getTime():t.value,input:r.value,inclusive:t.inclusive,inst:e,continue:!t.abort})}}),Xe=g(`$ZodCheckGreaterThan`,(e,t)=>{v.init(e,t);let n=Je[typeof t.value];e._zod.check=r=>{(t.inclusive?r.value>=t.value:r.value>t.value)||r.issues.push({origin:Je[typeof r.value]??n,code:`too_small`,minimum:typeof t.value==`object`?t.value.getTime():t.value,input:r.value,inclusive:t.inclusive,inst:e,continue:!t.abort})}}),Ze=g(`$ZodCheckNumberFormat`,(e,t)=>{v.init(e,t),t.format=t.format||`float64`;let n=t.format?.includes(`int`),r=n?`int`:`number`,[i,a]=oe[t.format];e._zod.check=o=>{let s=o.value;if(n){if(!Number.isInteger(s)){o.issues.push({expected:r,format:t.format,code:`invalid_type`,continue:!1,input:s,inst:e});return}if(!Number.isSafeInteger(s)){s>0?o.issues.push({input:s,code:`too_big`,maximum:2**53-1,note:`Integers must be within the safe integer range.`,inst:e,origin:r,inclusive:!0,continue:!t.abort}):o.issues.push({input:s,code:`too_small`,minimum:-(2**53-1),note:`Integers must be within the safe integer range.`,inst:e,origin:r,inclusive:!0,continue:!t.abort});return}}s<i&&o.issues.push({origin:`number`,input:s,code:`too_small`,minimum:i,inclusive:!0,inst:e,continue:!t.abort}),s>a&&o.issues.push({origin:`number`,input:s,code:`too_big`,maximum:a,inclusive:!0,inst:e,continue:!t.abort})}}),Qe=g(`$ZodCheckMaxLength`,(e,t)=>{var n;v.init(e,t),(n=e._zod.def).when??(n.when=qe),e._zod.check=n=>{let r=n.value,i=r.length;if((typeof r==`string`&&i>t.maximum?me(r):i)<=t.maximum)return;let a=he(r);n.issues.push({origin:a,code:`too_big`,maximum:t.maximum,inclusive:!0,input:r,inst:e,continue:!t.abort})}}),$e=g(`$ZodCheckMinLength`,(e,t)=>{var n;v.init(e,t),(n=e._zod.def).when??(n.when=qe),e._zod.check=n=>{let r=n.value,i=r.length;if((typeof r==`string`&&i>=t.minimum&&i<t.minimum*2?me(r):i)>=t.minimum)return;let a=he(r);n.issues.push({origin:a,code:`too_small`,minimum:t.minimum,inclusive:!0,input:r,inst:e,continue:!t.abort})}}),et=g(`$ZodCheckOverwrite`,(e,t)=>{v.init(e,t),e._zod.check=e=>{e.value=t.tx(e.value)}}),tt={major:4,minor:6,patch:7},y=g(`$ZodType`,(e,t)=>{var n;e??={},e._zod.def=t,e._zod.bag=e._zod.bag||{},e._zod.version=tt;let r=e._zod.def.checks,i=e._zod.traits.has(`$ZodCheck`)?[e,...r??[]]:r?.length?[...r]:[];for(let t of i)for(let n of t._zod.onattach)n(e);if(i.length===0)(n=e._zod).deferred??(n.deferred=[]),e._zod.deferred?.push(()=>{e._zod.run=e._zod.parse});else{let t=(t,n,r)=>{if(t.memo)return t;let i=m(t),a;for(let o of n){if(o._zod.def.when){if(se(t)||!o._zod.def.when(t))continue}else if(i)continue;let n=t.issues.length,s=o._zod.check(t);if(s instanceof Promise&&r?.async===!1)throw new Ae;if(a||s instanceof Promise)a=(a??Promise.resolve()).then(async()=>{await s,t.issues.length!==n&&(de(t.issues,n,e),i||=m(t,n))});else{if(t.issues.length===n)continue;de(t.issues,n,e),i||=m(t,n)}}return a?a.then(()=>t):t},n=(n,r,a)=>{if(m(n))return n.aborted=!0,n;let o=t(r,i,a);if(o instanceof Promise){if(a.async===!1)throw new Ae;return o.then(t=>e._zod.parse(t,a))}return e._zod.parse(o,a)};e._zod.run=(r,a)=>{if(a.skipChecks)return e._zod.parse(r,a);if(a.direction===`backward`){let t=e._zod.parse({value:r.value,issues:[]},{...a,skipChecks:!0});return t instanceof Promise?t.then(e=>n(e,r,a)):n(t,r,a)}let o=e._zod.parse(r,a);if(o instanceof Promise){if(a.async===!1)throw new Ae;return o.then(e=>t(e,i,a))}return t(o,i,a)}}},{get"~standard"(){return ye(this,`~standard`,it(this))},set"~standard"(e){ve(this,`~standard`,e)}}),nt=(e,t)=>e.issues.length?{issues:e.issues.map(e=>fe(e,t,_()))}:{value:e.value};async function rt(e,t){let n={async:!0};return nt(await e._zod.run({value:t,issues:[]},n),n)}function it(e){return{validate:t=>{let n={async:!1};try{let r=e._zod.run({value:t,issues:[]},n);if(!(r instanceof Promise))return nt(r,n)}catch{}return rt(e,t)},vendor:`zod`,version:1}}var at=g(`$ZodString`,(e,t)=>{y.init(e,t),e._zod.pattern=t.pattern??We,e._zod.parse=(n,r)=>{if(t.coerce)try{n.value=String(n.value)}catch{}return typeof n.value==`string`||n.issues.push({expected:`string`,code:`invalid_type`,input:n.value,inst:e}),n}}),ot=g(`$ZodNumber`,(e,t)=>{y.init(e,t),e._zod.pattern=Ge,e._zod.parse=(n,r)=>{if(t.coerce)try{n.value=Number(n.value)}catch{}let i=n.value;if(typeof i==`number`&&!Number.isNaN(i)&&Number.isFinite(i))return n;let a=typeof i==`number`?Number.isNaN(i)?`NaN`:Number.isFinite(i)?void 0:String(i):void 0;return n.issues.push({expected:`number`,code:`invalid_type`,input:i,inst:e,...a?{received:a}:{}}),n}}),st=g(`$ZodNumberFormat`,(e,t)=>{Ze.init(e,t),ot.init(e,t)}),ct=g(`$ZodBoolean`,(e,t)=>{y.init(e,t),e._zod.pattern=Ke,e._zod.parse=(n,r)=>{if(t.coerce)try{n.value=!!n.value}catch{}let i=n.value;return typeof i==`boolean`||n.issues.push({expected:`boolean`,code:`invalid_type`,input:i,inst:e}),n}});function lt(e,t){let n=ue(e._zod.def.checks);if(!n.length)return;let r=Math.min(...n.map(e=>e[0])),i=e._zod.parse;e._zod.parse=(n,a)=>{let o=t(n.value);if(o>r&&!a?.skipChecks&&a?.direction!==`backward`){for(let[t,r]of ue(e._zod.def.checks))if(o>t&&r._zod.def.when(n)){let t=n.issues.length;return r._zod.check(n),n.issues[t].continue=!1,de(n.issues,t,e),n}}return i(n,a)}}var ut=e=>Array.isArray(e)?e.length:-1;function dt(e,t,n){e.issues.length&&t.issues.push(...ce(n,e.issues)),t.value[n]=e.value}var ft=g(`$ZodArray`,(e,t)=>{y.init(e,t);let n=Me.memoizer;n?.attach(e),e._zod.parse=(r,i)=>{let a=r.value;if(!Array.isArray(a))return r.issues.push({expected:`array`,code:`invalid_type`,input:a,inst:e}),r;r.value=n?n.alloc(e,r,Array(a.length),i):Array(a.length);let o=[],s=i?.abortEarly;for(let e=0;e<a.length;e++){let n=a[e],c=t.element._zod.run({value:n,issues:[]},i);if(c instanceof Promise)o.push(c.then(t=>dt(t,r,e)));else if(dt(c,r,e),s&&c.issues.length!==0&&m(c))break}return o.length?Promise.all(o).then(()=>r):r},lt(e,ut)});function pt(e,t,n,r,i,a){let o=n in r,s=a===`optional`;if(o||!s||i!==`optional`){if(e.issues.length){if(i!==void 0&&s&&!o)return;t.issues.push(...ce(n,e.issues))}!o&&i===void 0?e.issues.length||t.issues.push({code:`invalid_type`,expected:`nonoptional`,input:void 0,path:[n]}):e.value===void 0?(o||i===`defaulted`&&!s)&&(t.value[n]=void 0):t.value[n]=e.value}}var mt=[];function ht(e){let t=Object.keys(e.shape),n=Object.getOwnPropertySymbols(e.shape),r=n.length?n:mt,i=r.length?[...t,...r]:t;for(let t of i)if(!e.shape?.[t]?._zod?.traits?.has(`$ZodType`))throw Error(`Invalid element at key "${String(t)}": expected a Zod schema`);let a=ae(e.shape);return{...e,allKeys:i,symbolKeys:r,keySet:new Set(t),numKeys:t.length,optionalKeys:new Set(a)}}function gt(e,t,n,r,i,a,o){let s=[],c=i.keySet,l=i.catchall._zod,u=l.def.type,d=l.optin,f=l.optout,ee=0;for(let i in t){if(o&&n.issues.length!==ee){if(m(n,ee))break;ee=n.issues.length}if(c.has(i))continue;if(i===`__proto__`){u===`never`&&s.push(i);continue}if(u===`never`){s.push(i);continue}let a=l.run({value:t[i],issues:[]},r);a instanceof Promise?e.push(a.then(e=>pt(e,n,i,t,d,f))):pt(a,n,i,t,d,f)}return s.length&&n.issues.push({code:`unrecognized_keys`,keys:s,input:t,inst:a,continue:!0}),e.length?Promise.all(e).then(()=>n):n}var _t=g(`$ZodObject`,(e,t)=>{y.init(e,t);let n=Object.getOwnPropertyDescriptor(t,`shape`),r=n?.get?n.get.raw:t.shape??{};if(r){let e=()=>{let n={...r};return Object.defineProperty(t,"shape",{value:n}),e.raw=n,n};e.raw=r,Object.defineProperty(t,"shape",{get:e})}let i=o(()=>ht(t));h(e,`propValues`,e=>{let t=e.def.shape,n={};for(let e in t){let r=t[e]._zod;if(r.values){Object.prototype.hasOwnProperty.call(n,e)||l(n,e,new Set);for(let t of r.values)n[e].add(t);r.optin!==void 0&&n[e].add(void 0)}}return n});let a=f,s=t.catchall,c,u=Me.memoizer;u?.attach(e),e._zod.parse=(t,n)=>{c??=i.value;let r=t.value;if(!a(r))return t.issues.push({expected:`object`,code:`invalid_type`,input:r,inst:e}),t;t.value=u?u.alloc(e,t,{},n):{};let o=[],l=c.shape,d=n?.abortEarly,f=t.issues.length;for(let e of c.allKeys){if(d&&t.issues.length!==f){if(m(t,f))break;f=t.issues.length}if(e===`__proto__`)continue;let i=l[e],a=i._zod.optin,s=i._zod.optout,c=i._zod.run({value:r[e],issues:[]},n);c instanceof Promise?o.push(c.then(n=>pt(n,t,e,r,a,s))):pt(c,t,e,r,a,s)}return s?gt(o,r,t,n,i.value,e,d===!0):o.length?Promise.all(o).then(()=>t):t}});function vt(e,t,n,r){for(let n of e)if(n.issues.length===0)return t.value=n.value,t;let i=e.filter(e=>!m(e));return i.length===1?(t.value=i[0].value,i[0]):(t.issues.push({code:`invalid_union`,input:t.value,inst:n,errors:e.map(e=>e.issues.map(e=>fe(e,r,_())))}),t)}var yt=g(`$ZodUnion`,(e,t)=>{y.init(e,t),h(e,`optin`,e=>e.def.options.some(e=>e._zod.optin===`defaulted`)?`defaulted`:e.def.options.some(e=>e._zod.optin!==void 0)?`optional`:void 0),h(e,`optout`,e=>e.def.options.some(e=>e._zod.optout===`optional`)?`optional`:void 0),h(e,`values`,e=>{if(e.def.options.every(e=>e._zod.values))return new Set(e.def.options.flatMap(e=>Array.from(e._zod.values)))}),h(e,`pattern`,e=>{if(e.def.options.every(e=>e._zod.pattern)){let t=e.def.options.map(e=>e._zod.pattern);return RegExp(`^(${t.map(e=>c(e.source)).join(`|`)})$`)}});let n=t.options.length===1?t.options[0]._zod.run:null;e._zod.parse=(r,i)=>{if(n)return n(r,i);let a=!1,o=[];for(let e of t.options){let t=e._zod.run({value:r.value,issues:[]},i);if(t instanceof Promise)o.push(t),a=!0;else{if(t.issues.length===0)return t;o.push(t)}}return a?Promise.all(o).then(t=>vt(t,r,e,i)):vt(o,r,e,i)}});function bt(e){let t=new Map;for(let n of e.options){let r=n._zod.propValues?.[e.discriminator];if(!r||r.size===0)throw Error(`Invalid discriminated union option at index "${e.options.indexOf(n)}"`);for(let e of r)if(t.has(e)){if(e!==void 0)throw Error(`Duplicate discriminator value "${String(e)}"`);t.set(e,null)}else t.set(e,n)}return t}var xt=g(`$ZodDiscriminatedUnion`,(e,t)=>{t.inclusive=!1,yt.init(e,t);let n=e._zod.parse;h(e,`propValues`,e=>{let t={},n=0;for(let r of e.def.options){let i=r._zod.propValues;if(!i||Object.keys(i).length===0)throw Error(`Invalid discriminated union option at index "${e.def.options.indexOf(r)}"`);i[e.def.discriminator]?.has(void 0)&&n++;for(let[e,n]of Object.entries(i)){Object.prototype.hasOwnProperty.call(t,e)||l(t,e,new Set);for(let r of n)t[e].add(r)}}return!e.def.unionFallback&&n>1&&t[e.def.discriminator]?.delete(void 0),t}),t.options.forEach((e,n)=>{let r=u(e._zod.def);if(r&&!Object.prototype.hasOwnProperty.call(r,t.discriminator))throw Error(`Invalid discriminated union option at index "${n}"`)});let r=o(()=>bt(t));e._zod.parse=(i,a)=>{let o=i.value;if(!f(o))return i.issues.push({code:`invalid_type`,expected:`object`,input:o,inst:e}),i;let s=o?.[t.discriminator],c=r.value.get(s);return c&&(s!==void 0||a.direction!==`backward`)?c._zod.run(i,a):t.unionFallback||a.direction===`backward`?n(i,a):(i.issues.push({code:`invalid_union`,errors:[],note:`No matching discriminator`,discriminator:t.discriminator,options:Array.from(r.value.keys()).filter(e=>r.value.get(e)!==null),input:o,path:[t.discriminator],inst:e}),i)}}),St=g(`$ZodEnum`,(e,t)=>{y.init(e,t);let n=r(t.entries),i=new Set(n);e._zod.values=i,h(e,`pattern`,e=>{let t=r(e.def.entries).filter(e=>ne.has(typeof e));return RegExp(t.length?`^(${t.map(e=>re(e.toString())).join(`|`)})$`:`^[^\\s\\S]$`)}),e._zod.parse=(t,r)=>{let a=t.value;return i.has(a)||t.issues.push({code:`invalid_value`,values:n,input:a,inst:e}),t}}),Ct=g(`$ZodLiteral`,(e,t)=>{y.init(e,t);let n=new Set(t.values);e._zod.values=n,h(e,`pattern`,e=>{let t=e.def.values;return RegExp(t.length?`^(${t.map(e=>typeof e==`string`?re(e):e?re(e.toString()):String(e)).join(`|`)})$`:`^[^\\s\\S]$`)}),e._zod.parse=(r,i)=>{let a=r.value;return n.has(a)||r.issues.push({code:`invalid_value`,values:t.values,input:a,inst:e}),r}}),wt=g(`$ZodTransform`,(e,t)=>{y.init(e,t),e._zod.optin=`optional`,Me.memoizer?.guard(e),e._zod.parse=(n,r)=>{if(r.direction===`backward`)throw new je(e.constructor.name);let i=t.transform(n.value,n);if(r.async)return(i instanceof Promise?i:Promise.resolve(i)).then(e=>(n.value=e,n));if(i instanceof Promise)throw new Ae;return n.value=i,n}});function Tt(e,t){return e.value=t.issues.length?void 0:t.value,e}var Et=g(`$ZodOptional`,(e,t)=>{y.init(e,t),h(e,`optin`,e=>e.def.innerType._zod.optin===`defaulted`?`defaulted`:`optional`),e._zod.optout=`optional`,h(e,`values`,e=>{let t=e.def.innerType._zod.values;return t?new Set([...t,void 0]):void 0}),h(e,`pattern`,e=>{let t=e.def.innerType._zod.pattern;return t?RegExp(`^(${c(t.source)})?$`):void 0}),e._zod.parse=(e,n)=>{if(e.value===void 0){if(t.innerType._zod.optin!==`defaulted`)return e;let r=t.innerType._zod.run({value:e.value,issues:[]},n);return r instanceof Promise?r.then(t=>Tt(e,t)):Tt(e,r)}return t.innerType._zod.run(e,n)}}),Dt=g(`$ZodDefault`,(e,t)=>{y.init(e,t),e._zod.optin=`defaulted`,h(e,`values`,e=>e.def.innerType._zod.values),e._zod.parse=(e,n)=>{if(n.direction===`backward`)return t.innerType._zod.run(e,n);if(e.value===void 0)return e.value=t.defaultValue,e;let r=t.innerType._zod.run(e,n);return r instanceof Promise?r.then(e=>Ot(e,t)):Ot(r,t)}});function Ot(e,t){return e.value===void 0&&(e.value=t.defaultValue),e}var kt=g(`$ZodPipe`,(e,t)=>{y.init(e,t),h(e,`values`,e=>e.def.in._zod.values),h(e,`optin`,e=>e.def.in._zod.optin),h(e,`optout`,e=>e.def.out._zod.optout),h(e,`propValues`,e=>e.def.in._zod.propValues),e._zod.parse=(e,n)=>{if(n.direction===`backward`){let r=t.out._zod.run(e,n);return r instanceof Promise?r.then(e=>At(e,t.in,n)):At(r,t.in,n)}let r=t.in._zod.run(e,n);return r instanceof Promise?r.then(e=>At(e,t.out,n)):At(r,t.out,n)}});function At(e,t,n){return e.issues.some(e=>e.code!==`unrecognized_keys`)?(e.aborted=!0,e):t._zod.run({value:e.value,issues:e.issues},n)}var jt=g(`$ZodCustom`,(e,t)=>{v.init(e,t),y.init(e,t),e._zod.parse=(e,t)=>e,e._zod.check=n=>{let r=n.value,i=t.fn(r);if(i instanceof Promise)return i.then(t=>Mt(t,n,r,e));Mt(i,n,r,e)}});function Mt(e,t,n,r){if(!e){let e={code:`custom`,input:n,inst:r,path:[...r._zod.def.path??[]],continue:!r._zod.def.abort};r._zod.def.params&&(e.params=r._zod.def.params),t.issues.push(ge(e))}}function Nt(e){return e.checks&&=[...e.checks],e}function Pt(e,t){return new e(Nt({type:`string`,...p(t)}))}function Ft(e,t){return new e(Nt({type:`number`,checks:[],...p(t)}))}function It(e,t){return new e({type:`number`,check:`number_format`,abort:!1,format:`safeint`,...p(t)})}function Lt(e,t){return new e({type:`boolean`,...p(t)})}function b(e,t){return new Ye({check:`less_than`,...p(t),value:e,inclusive:!0})}function x(e,t){return new Xe({check:`greater_than`,...p(t),value:e,inclusive:!0})}function Rt(e,t){return new Qe({check:`max_length`,...p(t),maximum:e})}function S(e,t){return new $e({check:`min_length`,...p(t),minimum:e})}function zt(e){return new et({check:`overwrite`,tx:e})}function C(){return zt(e=>e.trim())}function Bt(e,t,n){return new e({type:`custom`,check:`custom`,fn:t,...p(n)})}function Vt(e,t){let n=Ht(t=>(t.addIssue=e=>{if(typeof e==`string`)t.issues.push(ge(e,t.value,n._zod.def));else{let r=e;r.fatal&&(r.continue=!1),r.code??=`custom`,`input`in r||(r.input=t.value),r.inst??=n,r.continue??=!n._zod.def.abort,t.issues.push(ge(r))}},e(t.value,t)),t);return n}function Ht(e,t){let n=new v({check:`custom`,...p(t)});return n._zod.check=e,n}var w=g(`ZodMiniType`,(e,t)=>{if(!e._zod)throw Error(`Uninitialized schema in ZodMiniType.`);y.init(e,t),e.def=t,e.type=t.type},{get with(){return this.check},set with(e){ve(this,`with`,e)},parse(e,t){return ze(this,e,t,{callee:this.parse})},parseAsync(e,t){return Be(this,e,t,{callee:this.parseAsync})},safeParse(e,t){return Ve(this,e,t)},safeParseAsync(e,t){return Ue(this,e,t)},check(...e){let t=this.def;return this.clone({...t,checks:[...t.checks??[],...e.map(e=>typeof e==`function`?{_zod:{check:e,def:{check:`custom`},onattach:[]}}:e)]},{parent:!0})},clone(e,t){return ie(this,e,t)},brand(){return this},register(e,t){return e.add(this,t),this},apply(e,...t){return t.length===0?e(this):e(this,...t)}}),Ut=g(`ZodMiniString`,(e,t)=>{at.init(e,t),w.init(e,t)});function T(e){return Pt(Ut,e)}var Wt=g(`ZodMiniNumber`,(e,t)=>{ot.init(e,t),w.init(e,t)});function Gt(e){return Ft(Wt,e)}var Kt=g(`ZodMiniNumberFormat`,(e,t)=>{st.init(e,t),Wt.init(e,t)});function E(e){return It(Kt,e)}var qt=g(`ZodMiniBoolean`,(e,t)=>{ct.init(e,t),w.init(e,t)});function Jt(e){return Lt(qt,e)}var Yt=g(`ZodMiniArray`,(e,t)=>{ft.init(e,t),w.init(e,t)});function D(e,t){return new Yt({type:`array`,element:e,...p(t)})}var Xt=g(`ZodMiniObject`,(e,t)=>{_t.init(e,t),w.init(e,t),Te(e,`shape`,e=>e._zod.def.shape,!1)});function O(e,t){return new Xt({type:`object`,shape:e??{},...p(t)})}var Zt=g(`ZodMiniDiscriminatedUnion`,(e,t)=>{xt.init(e,t),w.init(e,t)});function Qt(e,t,n){return new Zt({type:`union`,options:t,discriminator:e,...p(n)})}var $t=g(`ZodMiniEnum`,(e,t)=>{St.init(e,t),w.init(e,t),e.options=[...e._zod.values]});function en(e,t){return new $t({type:`enum`,entries:Array.isArray(e)?Object.fromEntries(e.map(e=>[e,e])):e,...p(t)})}var tn=g(`ZodMiniLiteral`,(e,t)=>{Ct.init(e,t),w.init(e,t)});function nn(e,t){return new tn({type:`literal`,values:Array.isArray(e)?e:[e],...p(t)})}var rn=g(`ZodMiniTransform`,(e,t)=>{wt.init(e,t),w.init(e,t)});function an(e){return new rn({type:`transform`,transform:e})}var on=g(`ZodMiniOptional`,(e,t)=>{Et.init(e,t),w.init(e,t)});function k(e){return new on({type:`optional`,innerType:e})}var sn=g(`ZodMiniDefault`,(e,t)=>{Dt.init(e,t),w.init(e,t)});function A(e,t){return new sn({type:`default`,innerType:e,get defaultValue(){return typeof t==`function`?t():te(t)}})}var cn=g(`ZodMiniPipe`,(e,t)=>{kt.init(e,t),w.init(e,t)});function ln(e,t){return new cn({type:`pipe`,in:e,out:t})}var un=g(`ZodMiniCustom`,(e,t)=>{jt.init(e,t),w.init(e,t)});function j(e,t={}){return Bt(un,e,t)}function M(e,t){return Vt(e,t)}globalThis.document!==void 0&&_({jitless:!0});var dn=O({ru:T().check(S(1)),en:T().check(S(1))});function fn(e,t){return e[t]}var pn=new Intl.PluralRules(`ru`);function N(e,t){let n=pn.select(e);return n===`one`?t.one:n===`few`?t.few:t.many}var mn={ru:`Текст содержит нулевой символ (U+0000), он недопустим`,en:`The text contains the NUL character (U+0000), which is not allowed`};function hn(e){return!e.includes(`\0`)}function gn(e,t=1){return T().check(C(),S(t),Rt(e),j(hn,{params:{text:mn}}))}gn(128);var P={first:1900,last:2200},_n={ru:`\u0413\u043E\u0434 \u0434\u043E\u043B\u0436\u0435\u043D \u0431\u044B\u0442\u044C \u043E\u0442 ${P.first} \u0434\u043E ${P.last}`,en:`The year must be from ${P.first} to ${P.last}`};function vn(e){let t=Number(e.slice(0,4));return Number.isInteger(t)&&t>=P.first&&t<=P.last}var yn=/^(\d{4})-(\d{2})-(\d{2})$/;function bn(e,t){return t===2?e%4==0&&e%100!=0||e%400==0?29:28:[4,6,9,11].includes(t)?30:31}function xn(e){let t=yn.exec(e);if(!t)return!1;let n=Number(t[1]),r=Number(t[2]),i=Number(t[3]);return r>=1&&r<=12&&i>=1&&i<=bn(n,r)}var F=T().check(j(xn,{params:{text:{ru:`Ожидается дата в формате ГГГГ-ММ-ДД`,en:`Expected a date as YYYY-MM-DD`}}}),j(e=>!xn(e)||vn(e),{params:{text:_n}})).brand();function Sn(e){return{string:{ru:`строка`,en:`a string`},number:{ru:`число`,en:`a number`},int:{ru:`целое число`,en:`an integer`},boolean:{ru:`да/нет`,en:`a boolean`},array:{ru:`список`,en:`a list`},object:{ru:`объект`,en:`an object`},date:{ru:`дата`,en:`a date`}}[e]??{ru:e,en:e}}function Cn(e,t=[]){return{path:[...t,...e.path.map(e=>typeof e==`number`?e:String(e))],code:e.code,message:Tn(e)}}function wn(e){return`input`in e?e.input===void 0:/received undefined$/.test(e.message)}function Tn(e){switch(e.code){case`invalid_type`:{if(wn(e))return{ru:`Обязательное поле`,en:`Required`};let t=Sn(e.expected);return{ru:`\u041E\u0436\u0438\u0434\u0430\u0435\u0442\u0441\u044F ${t.ru}`,en:`Expected ${t.en}`}}case`too_small`:return e.origin===`string`||e.origin===`array`?{ru:`\u0421\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u0430\u043B\u043E: \u043D\u0443\u0436\u043D\u043E \u043D\u0435 \u043C\u0435\u043D\u044C\u0448\u0435 ${String(e.minimum)}`,en:`Too short: at least ${String(e.minimum)} expected`}:e.inclusive===!1?{ru:`\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u0431\u043E\u043B\u044C\u0448\u0435 ${String(e.minimum)}`,en:`Must be greater than ${String(e.minimum)}`}:{ru:`\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u043D\u0435 \u043C\u0435\u043D\u044C\u0448\u0435 ${String(e.minimum)}`,en:`Must be at least ${String(e.minimum)}`};case`too_big`:return e.origin===`string`||e.origin===`array`?{ru:`\u0421\u043B\u0438\u0448\u043A\u043E\u043C \u043C\u043D\u043E\u0433\u043E: \u043D\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 ${String(e.maximum)}`,en:`Too long: at most ${String(e.maximum)} expected`}:e.inclusive===!1?{ru:`\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u043C\u0435\u043D\u044C\u0448\u0435 ${String(e.maximum)}`,en:`Must be less than ${String(e.maximum)}`}:{ru:`\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u043D\u0435 \u0431\u043E\u043B\u044C\u0448\u0435 ${String(e.maximum)}`,en:`Must be at most ${String(e.maximum)}`};case`invalid_format`:return{ru:`\u041D\u0435\u0432\u0435\u0440\u043D\u044B\u0439 \u0444\u043E\u0440\u043C\u0430\u0442 (${e.format})`,en:`Invalid format (${e.format})`};case`invalid_value`:{let t=e.values.map(e=>String(e)).join(`, `);return{ru:`\u041D\u0435\u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u043E\u0435 \u0437\u043D\u0430\u0447\u0435\u043D\u0438\u0435; \u0434\u043E\u043F\u0443\u0441\u0442\u0438\u043C\u044B: ${t}`,en:`Invalid value; allowed: ${t}`}}case`unrecognized_keys`:return{ru:`\u041D\u0435\u0438\u0437\u0432\u0435\u0441\u0442\u043D\u044B\u0435 \u043F\u043E\u043B\u044F: ${e.keys.join(`, `)}`,en:`Unknown fields: ${e.keys.join(`, `)}`};case`not_multiple_of`:return{ru:`\u0417\u043D\u0430\u0447\u0435\u043D\u0438\u0435 \u0434\u043E\u043B\u0436\u043D\u043E \u0431\u044B\u0442\u044C \u043A\u0440\u0430\u0442\u043D\u043E ${String(e.divisor)}`,en:`Must be a multiple of ${String(e.divisor)}`};case`custom`:return e.params?.text??{ru:e.message,en:e.message};default:return{ru:`Недопустимое значение`,en:`Invalid value`}}}function I(e,n){let r=Ve(e,n,{reportInput:!0});if(r.success)return r.data;throw new t(r.error.issues.map(e=>Cn(e)))}var En=/^(\d{4})-(\d{4})$/,Dn=T().check(j(e=>{let t=En.exec(e);return t!==null&&Number(t[2])===Number(t[1])+1},{params:{text:{ru:`Ожидается учебный год вида 2019-2020`,en:`Expected a school year such as 2019-2020`}}})).brand();function On(e){return Number(e.slice(0,4))}function kn(e,t=`iso`,n=`ru`){let r=On(e);return t===`iso`?e:t===`short`?`${r}/${String(r+1).slice(2)}`:n===`ru`?`${r}\u2013${r+1} \u0443\u0447\u0435\u0431\u043D\u044B\u0439 \u0433\u043E\u0434`:`school year ${r}\u2013${r+1}`}var An=/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,jn={ru:`Идентификатор: латинские буквы, цифры, «.», «_», «:», «-», до 128 символов`,en:`An id: Latin letters, digits, ".", "_", ":", "-", up to 128 characters`};function Mn(){return T().check(j(e=>An.test(e),{params:{text:jn}})).brand()}var Nn=Mn(),L=Mn(),Pn=Mn(),R=Mn(),Fn=[`kindergarten`,`school`,`gymnasium`,`college`,`additional-education`,`authority`],In=en(Fn),Ln=en([`secondary`,`basic`]),Rn=O({id:Nn,name:T().check(C(),S(1)),shortName:k(T().check(C(),S(1))),kind:In,level:k(Ln),address:k(T().check(C(),S(1))),note:k(T())}).check(M((e,t)=>{Fn.includes(e.kind)&&(e.kind===`school`&&e.level===void 0&&t.addIssue({code:`custom`,path:[`level`],message:`A school must state its level`,params:{text:{ru:`Для школы нужно указать уровень (secondary — СОШ, basic — ОШ)`,en:`A school must state its level (secondary or basic)`}}}),e.kind!==`school`&&e.level!==void 0&&t.addIssue({code:`custom`,path:[`level`],message:`Only a school has a level`,params:{text:{ru:`Уровень указывается только для школы`,en:`Only a school has a level`}}}))},{when:e=>typeof e.value==`object`&&e.value!==null})),zn=en([`consultation-point`,`early-help`,`lekoteka`,`play-support-centre`,`pmpk`,`resource-centre`,`support-centre`]),Bn=O({from:E().check(x(0),b(25)),to:E().check(x(0),b(25))}).check(j(e=>e.from<=e.to,{path:[`to`],params:{text:{ru:`Верхняя граница возраста меньше нижней`,en:`The upper age bound is below the lower one`}}})),Vn=O({lat:Gt().check(x(-90),b(90)),lon:Gt().check(x(-180),b(180))}),Hn=O({id:L,kind:zn,name:T().check(C(),S(1)),hostOrganizationId:Nn,activeYears:D(Dn).check(j(e=>new Set(e).size===e.length,{params:{text:{ru:`Учебные годы повторяются`,en:`School years are repeated`}}})),serviceIds:A(D(R),[]),ages:Bn,address:k(T().check(C(),S(1))),coordinates:k(Vn),phone:k(T().check(C(),S(1))),note:k(T())}),Un=en([`psychologist`,`speech-therapist`,`special-needs-teacher`,`teacher`,`social-pedagogue`,`methodologist`,`medical-doctor`]),Wn=O({id:Pn,name:T().check(C(),S(1)),roles:D(Un).check(S(1)),siteIds:D(L).check(S(1)),serviceIds:A(D(R),[]),note:k(T())}),Gn=O({id:R,name:T().check(C(),S(1)),nameEn:k(T().check(C(),S(1))),free:A(Jt(),!0),note:k(T())});function Kn(e){return typeof e==`object`&&!!e&&!Array.isArray(e)}function qn(e){return Array.isArray(e)?e.flatMap((e,t)=>Kn(e)?[[t,e]]:[]):[]}function Jn(e){return Array.isArray(e)?e.flatMap((e,t)=>typeof e==`string`?[[t,e]]:[]):[]}function Yn(e){let t=new Set;for(let[,n]of qn(e))typeof n.id==`string`&&t.add(n.id);return t}function Xn(e,t,n){let r=new Set;for(let[i,a]of qn(e)){let e=a.id;typeof e==`string`&&(r.has(e)&&n.addIssue({code:`custom`,path:[t,i,`id`],message:`Duplicate id ${e}`,params:{text:{ru:`\u0418\u0434\u0435\u043D\u0442\u0438\u0444\u0438\u043A\u0430\u0442\u043E\u0440 \xAB${e}\xBB \u0443\u0436\u0435 \u0432\u0441\u0442\u0440\u0435\u0447\u0430\u043B\u0441\u044F`,en:`Id "${e}" is used twice`}}}),r.add(e))}}function Zn(e,t,n,r){e.addIssue({code:`custom`,path:t,message:`Unknown ${n.en} ${r}`,params:{text:{ru:`\u041D\u0435\u0438\u0437\u0432\u0435\u0441\u0442\u043D\u044B\u0439 ${n.ru} \xAB${r}\xBB`,en:`Unknown ${n.en} "${r}"`}}})}function Qn(e,t){Xn(e.organizations,`organizations`,t),Xn(e.sites,`sites`,t),Xn(e.specialists,`specialists`,t),Xn(e.services,`services`,t);let n=Yn(e.organizations),r=Yn(e.sites),i=Yn(e.services),a={ru:`организация`,en:`organization`},o={ru:`площадка`,en:`site`},s={ru:`услуга`,en:`service`};for(let[r,o]of qn(e.sites)){let e=o.hostOrganizationId;typeof e==`string`&&!n.has(e)&&Zn(t,[`sites`,r,`hostOrganizationId`],a,e);for(let[e,n]of Jn(o.serviceIds))i.has(n)||Zn(t,[`sites`,r,`serviceIds`,e],s,n)}for(let[n,a]of qn(e.specialists)){for(let[e,i]of Jn(a.siteIds))r.has(i)||Zn(t,[`specialists`,n,`siteIds`,e],o,i);for(let[e,r]of Jn(a.serviceIds))i.has(r)||Zn(t,[`specialists`,n,`serviceIds`,e],s,r)}}var $n=O({id:T().check(C(),S(1)),name:T().check(C(),S(1)),municipality:T().check(C(),S(1)),timeZone:A(T().check(S(1)),`Europe/Moscow`),organizations:D(Rn),sites:D(Hn),specialists:A(D(Wn),[]),services:A(D(Gn),[]),note:k(T())}).check(M((e,t)=>Qn(e,t),{when:e=>Kn(e.value)}));function er(e){return I($n,e)}var tr=new Map;function nr(e){if(e.trim()===``)return!1;let t=tr.get(e);if(t!==void 0)return t;let n;try{new Intl.DateTimeFormat(`en`,{timeZone:e}),n=!0}catch{n=!1}return tr.set(e,n),n}var rr=T().check(j(nr,{params:{text:{ru:`Неизвестный часовой пояс (ожидается имя IANA, например Europe/Moscow)`,en:`Unknown time zone (expected an IANA name such as Europe/Moscow)`}}})),ir=/^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;function z(e){let[t=`0`,n=`0`]=e.split(`:`);return Number(t)*60+Number(n)}var ar=T().check(j(e=>ir.test(e),{params:{text:{ru:`Ожидается время в формате ЧЧ:ММ, например 09:00`,en:`Expected a time as HH:mm, such as 09:00`}}})).brand(),or=O({start:ar,end:ar}).check(j(e=>z(e.start)<z(e.end),{path:[`end`],params:{text:{ru:`Время окончания должно быть позже времени начала`,en:`The end time must be after the start time`}}})),sr=E().check(x(1),b(7));function cr(e){let t=[...e].sort((e,t)=>z(e.start)-z(t.start)),n=-1;for(let e of t){if(z(e.start)<n)return!1;n=z(e.end)}return!0}var lr={ru:`Интервалы времени пересекаются`,en:`The time ranges overlap`},ur=O({weekdays:D(sr).check(S(1),j(e=>new Set(e).size===e.length,{params:{text:{ru:`Дни недели повторяются`,en:`Weekdays are repeated`}}})),start:ar,end:ar,breaks:A(D(or),[])}).check(M((e,t)=>{let n=z(e.start),r=z(e.end);n>=r?t.addIssue({code:`custom`,path:[`end`],params:{text:{ru:`Время окончания должно быть позже времени начала`,en:`The end time must be after the start time`}}}):(e.breaks.forEach((e,i)=>{(z(e.start)<n||z(e.end)>r)&&t.addIssue({code:`custom`,path:[`breaks`,i],params:{text:{ru:`Перерыв выходит за часы приёма`,en:`The break lies outside the working hours`}}})}),cr(e.breaks)||t.addIssue({code:`custom`,path:[`breaks`],params:{text:lr}}))})),dr=D(or).check(S(1),j(cr,{params:{text:lr}})),fr=O({specialistId:Pn,siteId:L,serviceId:R,timeZone:A(rr,`Europe/Moscow`),rules:A(D(ur),[]),overrides:A(D(Qt(`kind`,[O({date:F,kind:nn(`closed`),note:k(T())}),O({date:F,kind:nn(`extra`),hours:dr,note:k(T())}),O({date:F,kind:nn(`replace`),hours:dr,note:k(T())})])),[]),validFrom:k(F),validTo:k(F),worksOnWorkingWeekends:A(Jt(),!1),closedOnSchoolHolidays:A(Jt(),!1)}).check(M((e,t)=>{e.validFrom!==void 0&&e.validTo!==void 0&&e.validFrom>e.validTo&&t.addIssue({code:`custom`,path:[`validTo`],params:{text:{ru:`Дата окончания действия раньше даты начала`,en:`The end of validity is before its start`}}});let n=new Map;e.overrides.forEach((e,r)=>{let i=n.get(e.date)??[],a=e=>e!==`extra`;(a(e.kind)&&i.some(a)||e.kind===`closed`&&i.includes(`extra`)||e.kind===`extra`&&i.includes(`closed`))&&t.addIssue({code:`custom`,path:[`overrides`,r],params:{text:{ru:`\u0418\u0437\u043C\u0435\u043D\u0435\u043D\u0438\u044F \u0433\u0440\u0430\u0444\u0438\u043A\u0430 \u043D\u0430 ${e.date} \u043F\u0440\u043E\u0442\u0438\u0432\u043E\u0440\u0435\u0447\u0430\u0442 \u0434\u0440\u0443\u0433 \u0434\u0440\u0443\u0433\u0443`,en:`The schedule overrides for ${e.date} contradict each other`}}}),n.set(e.date,[...i,e.kind])})}));function pr(e,t,n){if(e.validFrom!==void 0&&t<e.validFrom||e.validTo!==void 0&&t>e.validTo)return[];let r=e.overrides.filter(e=>e.date===t);if(r.some(e=>e.kind===`closed`))return[];let i=r.find(e=>e.kind===`replace`),a=[];if(i!==void 0&&i.kind===`replace`)for(let e of i.hours)a.push({start:z(e.start),end:z(e.end)});else for(let t of e.rules){if(!t.weekdays.includes(n))continue;let e=t.breaks.map(e=>({start:z(e.start),end:z(e.end)}));a.push(...mr({start:z(t.start),end:z(t.end)},e))}for(let e of r)if(e.kind===`extra`)for(let t of e.hours)a.push({start:z(t.start),end:z(t.end)});return hr(a)}function mr(e,t){let n=[e];for(let e of t)n=n.flatMap(t=>e.end<=t.start||e.start>=t.end?[t]:[{start:t.start,end:e.start},{start:e.end,end:t.end}].filter(e=>e.start<e.end));return n}function hr(e){let t=[...e].sort((e,t)=>e.start-t.start||e.end-t.end),n=[];for(let e of t){let t=n[n.length-1];t!==void 0&&e.start<=t.end?t.end=Math.max(t.end,e.end):n.push({...e})}return n}var gr={},_r={};function vr(e,t){try{let n=(gr[e]||=new Intl.DateTimeFormat(`en-US`,{timeZone:e,timeZoneName:`longOffset`}).format)(t).split(`GMT`)[1];return n in _r?_r[n]:br(n,n.split(`:`))}catch{if(e in _r)return _r[e];let t=e?.match(yr);return t?br(e,t.slice(1)):NaN}}var yr=/([+-]\d\d):?(\d\d)?/;function br(e,t){let n=+(t[0]||0),r=+(t[1]||0),i=(t[2]||0)/60;return _r[e]=n*60+r>0?n*60+r+i:n*60-r-i}var xr=/^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;function Sr(e,t){return t===2?e%4==0&&e%100!=0||e%400==0?29:28:t===4||t===6||t===9||t===11?30:31}function Cr(e){let t=xr.exec(e);return t!==null&&Number(t[3])<=Sr(Number(t[1]),Number(t[2]))}var B=ln(T().check(j(Cr,{params:{text:{ru:`Ожидается момент времени в UTC, например 2026-03-23T07:00:00.000Z`,en:`Expected a UTC instant such as 2026-03-23T07:00:00.000Z`}}}),j(e=>!Cr(e)||vn(e),{params:{text:_n}})),an(e=>new Date(e).toISOString())).brand();function wr(e){let t=typeof e==`string`?new Date(e):e;if(Number.isNaN(t.getTime()))throw RangeError(`\u041D\u0435\u0432\u0435\u0440\u043D\u044B\u0439 \u043C\u043E\u043C\u0435\u043D\u0442 \u0432\u0440\u0435\u043C\u0435\u043D\u0438 \xAB${String(e)}\xBB / Invalid instant "${String(e)}"`);return t.toISOString()}var Tr=864e5;function Er(e){return new Date(`${e}T00:00:00Z`)}function V(e,t){let n=e.charCodeAt(t)-48;return n>=0&&n<=9?n:-1}function Dr(e){return e%4==0&&e%100!=0||e%400==0}var Or=[31,28,31,30,31,30,31,31,30,31,30,31];function kr(e,t,n){let r=t<=2?e-1:e,i=Math.floor(r/400),a=r-i*400,o=Math.floor((153*(t+(t>2?-3:9))+2)/5)+n-1,s=a*365+Math.floor(a/4)-Math.floor(a/100)+o;return i*146097+s-719468}function Ar(e){if(e.length!==10||e.charCodeAt(4)!==45||e.charCodeAt(7)!==45)return;let t=V(e,0),n=V(e,1),r=V(e,2),i=V(e,3),a=V(e,5),o=V(e,6),s=V(e,8),c=V(e,9);if((t|n|r|i|a|o|s|c)<0)return;let l=t*1e3+n*100+r*10+i,u=a*10+o,d=s*10+c;if(!(u<1||u>12||d<1)&&!(d>(u===2&&Dr(l)?29:Or[u-1]??31)))return kr(l,u,d)}function jr(e){let t=e+719468,n=Math.floor(t/146097),r=t-n*146097,i=Math.floor((r-Math.floor(r/1460)+Math.floor(r/36524)-Math.floor(r/146096))/365),a=r-(365*i+Math.floor(i/4)-Math.floor(i/100)),o=Math.floor((5*a+2)/153),s=a-Math.floor((153*o+2)/5)+1,c=o<10?o+3:o-9,l=i+n*400+ +(c<=2);if(!(l<0||l>9999))return`${l<10?`000${l}`:l<100?`00${l}`:l<1e3?`0${l}`:`${l}`}-${c<10?`0`:``}${c}-${s<10?`0`:``}${s}`}function Mr(e){return((e+3)%7+7)%7+1}function Nr(e){let t=Ar(e);if(t!==void 0)return Mr(t);let n=Er(e).getUTCDay();return n===0?7:n}function Pr(e,t){let n=Number.isSafeInteger(t)?Ar(e):void 0,r=n===void 0?void 0:jr(n+t);if(r!==void 0)return r;let i=Er(e);return i.setUTCDate(i.getUTCDate()+t),i.toISOString().slice(0,10)}function Fr(e,t){let n=Ar(e),r=Ar(t);if(n!==void 0&&r!==void 0)return r-n;let i=Er(t).setUTCHours(0,0,0,0),a=Er(e).setUTCHours(0,0,0,0);return Math.round((i-a)/Tr)}var Ir=O({date:F,label:k(dn)}),Lr=O({date:F,worksAs:k(sr),label:k(dn)}),Rr=O({from:F,to:F,label:dn,siteIds:k(D(L))}).check(j(e=>e.from<=e.to,{path:[`to`],params:{text:{ru:`Дата окончания периода раньше даты начала`,en:`The period ends before it starts`}}})),zr=O({version:T().check(C(),S(1)),title:k(dn),holidays:A(D(Ir),[]),transferredDaysOff:A(D(Ir),[]),workingWeekends:A(D(Lr),[]),shortenedDays:A(D(Ir),[]),schoolHolidays:A(D(Rr),[]),closures:A(D(Rr),[])}).check(M((e,t)=>{let n=new Set([...e.holidays.map(e=>e.date),...e.transferredDaysOff.map(e=>e.date)]),r=e=>({ru:`\u0414\u0430\u0442\u0430 ${e} \u043E\u0434\u043D\u043E\u0432\u0440\u0435\u043C\u0435\u043D\u043D\u043E \u0432\u044B\u0445\u043E\u0434\u043D\u0430\u044F \u0438 \u0440\u0430\u0431\u043E\u0447\u0430\u044F`,en:`The date ${e} is both a day off and a working day`});e.workingWeekends.forEach((e,i)=>{n.has(e.date)?t.addIssue({code:`custom`,path:[`workingWeekends`,i,`date`],params:{text:r(e.date)}}):Nr(e.date)<6&&t.addIssue({code:`custom`,path:[`workingWeekends`,i,`date`],params:{text:{ru:`\u0414\u0430\u0442\u0430 ${e.date} \u2014 \u043D\u0435 \u0441\u0443\u0431\u0431\u043E\u0442\u0430 \u0438 \u043D\u0435 \u0432\u043E\u0441\u043A\u0440\u0435\u0441\u0435\u043D\u044C\u0435`,en:`The date ${e.date} is neither a Saturday nor a Sunday`}}})}),e.shortenedDays.forEach((e,i)=>{n.has(e.date)&&t.addIssue({code:`custom`,path:[`shortenedDays`,i,`date`],params:{text:r(e.date)}})})})),Br=I(zr,{version:`empty`});function Vr(e,t,n){return t<e.from||t>e.to?!1:e.siteIds===void 0||n!==void 0&&e.siteIds.some(e=>e===n)}function Hr(e,t,n={}){return e.closures.find(e=>Vr(e,t,n.siteId))}function Ur(e,t,n={}){return e.schoolHolidays.find(e=>Vr(e,t,n.siteId))}function Wr(e,t){return e.workingWeekends.find(e=>e.date===t)}function Gr(e,t,n={}){return Hr(e,t,n)===void 0?e.holidays.some(e=>e.date===t)?`holiday`:e.transferredDaysOff.some(e=>e.date===t)||!(Nr(t)<=5||Wr(e,t)!==void 0)?`weekend`:e.shortenedDays.some(e=>e.date===t)?`shortened`:`working`:`closed`}function Kr(e){let t=new Map;for(let n of e)t.has(n.date)||t.set(n.date,n);return[...t.values()].sort((e,t)=>e.date<t.date?-1:+(e.date>t.date))}function qr(e){return[...e].sort((e,t)=>e.from===t.from?e.to<t.to?-1:+(e.to>t.to):e.from<t.from?-1:1)}function Jr(e,t){return I(zr,{version:`${e.version}+${t.version}`,...e.title===void 0?{}:{title:e.title},holidays:Kr([...e.holidays,...t.holidays]),transferredDaysOff:Kr([...e.transferredDaysOff,...t.transferredDaysOff]),workingWeekends:Kr([...e.workingWeekends,...t.workingWeekends]),shortenedDays:Kr([...e.shortenedDays,...t.shortenedDays]),schoolHolidays:qr([...e.schoolHolidays,...t.schoolHolidays]),closures:qr([...e.closures,...t.closures])})}var Yr=6e4,Xr=864e5,Zr=new Map,Qr=new Map,$r=1e5;function ei(e,t){let n=`${e} ${t}`,r=Zr.get(n);return r===void 0&&(r=vr(e,new Date(t)),Zr.size>=$r&&Zr.clear(),Zr.set(n,r)),r}function ti(e,t){let n=Math.floor(t/Xr),r=`${e} ${n}`,i=Qr.get(r);if(i===void 0){let t=ei(e,(n-1)*Xr);i=ei(e,(n+2)*Xr)===t?t:null,Qr.size>=$r&&Qr.clear(),Qr.set(r,i)}return i??ei(e,t)}function ni(e,t){let n=Date.parse(e),r=new Date(n+ti(t,n)*Yr),i=(e,t=2)=>String(e).padStart(t,`0`);return{date:`${i(r.getUTCFullYear(),4)}-${i(r.getUTCMonth()+1)}-${i(r.getUTCDate())}`,time:`${i(r.getUTCHours())}:${i(r.getUTCMinutes())}`}}var ri={ru:`Новогодние каникулы`,en:`New Year holidays`},ii={ru:`Рождество Христово`,en:`Orthodox Christmas`};function ai(e){return[...[1,2,3,4,5,6].map(t=>({date:`${e}-01-0${t}`,label:ri})),{date:`${e}-01-07`,label:ii},{date:`${e}-01-08`,label:ri},{date:`${e}-02-23`,label:{ru:`День защитника Отечества`,en:`Defender of the Fatherland Day`}},{date:`${e}-03-08`,label:{ru:`Международный женский день`,en:`International Women's Day`}},{date:`${e}-05-01`,label:{ru:`Праздник Весны и Труда`,en:`Spring and Labour Day`}},{date:`${e}-05-09`,label:{ru:`День Победы`,en:`Victory Day`}},{date:`${e}-06-12`,label:{ru:`День России`,en:`Russia Day`}},{date:`${e}-11-04`,label:{ru:`День народного единства`,en:`Unity Day`}}]}function H(e,t,n){return{date:e,label:{ru:`\u0412\u044B\u0445\u043E\u0434\u043D\u043E\u0439 \u0434\u0435\u043D\u044C, \u043F\u0435\u0440\u0435\u043D\u0435\u0441\u0451\u043D\u043D\u044B\u0439 ${t.ru} (${n})`,en:`Day off moved ${t.en} (${n})`}}}function oi(e){return{date:e,label:{ru:`Предпраздничный день, сокращён на 1 час`,en:`Pre-holiday day, one hour shorter`}}}var U=`Постановление Правительства РФ от 10.08.2023 № 1314`,W=`Постановление Правительства РФ от 04.10.2024 № 1335`,si=`Постановление Правительства РФ от 24.09.2025 № 1466`,ci=`ст. 112 ТК РФ`;function li(e,t,n,r){return{date:e,worksAs:t,label:{ru:`\u0420\u0430\u0431\u043E\u0447\u0430\u044F \u0441\u0443\u0431\u0431\u043E\u0442\u0430: \u0432\u044B\u0445\u043E\u0434\u043D\u043E\u0439 \u043F\u0435\u0440\u0435\u043D\u0435\u0441\u0451\u043D \u043D\u0430 ${n.ru} (${r})`,en:`Working Saturday: its day off moved to ${n.en} (${r})`}}}var ui=I(zr,{version:`ru-official-2024-2027.1`,title:{ru:`Производственный календарь Российской Федерации (пятидневная рабочая неделя), 2024–2026; 2027 — по Трудовому кодексу, до постановления о переносах`,en:`Official working-day calendar of the Russian Federation (five-day week), 2024–2026; 2027 by the Labour Code, before its transfer decree`},holidays:[2024,2025,2026,2027].flatMap(ai),transferredDaysOff:[H(`2024-04-29`,{ru:`с субботы 27 апреля`,en:`from Saturday 27 April`},U),H(`2024-04-30`,{ru:`с субботы 2 ноября`,en:`from Saturday 2 November`},U),H(`2024-05-10`,{ru:`с субботы 6 января`,en:`from Saturday 6 January`},U),H(`2024-12-30`,{ru:`с субботы 28 декабря`,en:`from Saturday 28 December`},U),H(`2024-12-31`,{ru:`с воскресенья 7 января`,en:`from Sunday 7 January`},U),H(`2025-05-02`,{ru:`с субботы 4 января`,en:`from Saturday 4 January`},W),H(`2025-05-08`,{ru:`с воскресенья 23 февраля`,en:`from Sunday 23 February`},W),H(`2025-06-13`,{ru:`с субботы 8 марта`,en:`from Saturday 8 March`},W),H(`2025-11-03`,{ru:`с субботы 1 ноября`,en:`from Saturday 1 November`},W),H(`2025-12-31`,{ru:`с воскресенья 5 января`,en:`from Sunday 5 January`},W),H(`2026-01-09`,{ru:`с субботы 3 января`,en:`from Saturday 3 January`},si),H(`2026-03-09`,{ru:`с воскресенья 8 марта`,en:`from Sunday 8 March`},ci),H(`2026-05-11`,{ru:`с субботы 9 мая`,en:`from Saturday 9 May`},ci),H(`2026-12-31`,{ru:`с воскресенья 4 января`,en:`from Sunday 4 January`},si),H(`2027-05-03`,{ru:`с субботы 1 мая`,en:`from Saturday 1 May`},ci),H(`2027-05-10`,{ru:`с воскресенья 9 мая`,en:`from Sunday 9 May`},ci),H(`2027-06-14`,{ru:`с субботы 12 июня`,en:`from Saturday 12 June`},ci)],workingWeekends:[li(`2024-04-27`,1,{ru:`понедельник 29 апреля`,en:`Monday 29 April`},U),li(`2024-11-02`,2,{ru:`вторник 30 апреля`,en:`Tuesday 30 April`},U),li(`2024-12-28`,1,{ru:`понедельник 30 декабря`,en:`Monday 30 December`},U),li(`2025-11-01`,1,{ru:`понедельник 3 ноября`,en:`Monday 3 November`},W)],shortenedDays:[...[`2024-02-22`,`2024-03-07`,`2024-05-08`,`2024-06-11`,`2024-11-02`].map(oi),...[`2025-03-07`,`2025-04-30`,`2025-06-11`,`2025-11-01`].map(oi),...[`2026-04-30`,`2026-05-08`,`2026-06-11`,`2026-11-03`].map(oi),...[`2027-02-22`,`2027-04-30`,`2027-06-11`,`2027-11-03`].map(oi)]}),di=E().check(x(0),b(1440)),fi=O({siteId:L,duration:E().check(x(1),b(1440)),step:k(E().check(x(1),b(1440)))}),pi=O({serviceId:R,duration:E().check(x(1),b(1440)),step:k(E().check(x(1),b(1440))),siteSessions:A(D(fi),[]).check(j(e=>new Set(e.map(e=>e.siteId)).size===e.length,{params:{text:{ru:`Длительность приёма для одной площадки задана дважды`,en:`The session length of one site is given twice`}}})),bufferBefore:A(di,0),bufferAfter:A(di,0),minimumNotice:A(E().check(x(0)),0),horizonDays:A(E().check(x(0)),28),seats:A(E().check(x(1)),1),limits:A(O({perDay:k(E().check(x(0))),perWeek:k(E().check(x(0))),perContact:k(E().check(x(1),b(1e3)))}),{}),ages:k(Bn),whatToBring:k(dn)}),mi=en([`ru`,`none`]),hi=O({fromSiteId:L,toSiteId:L,minutes:E().check(x(0),b(10080))}),gi=O({specialistId:Pn,from:F,to:F,note:k(T().check(Rt(500)))}).check(j(e=>e.from<=e.to,{path:[`to`],params:{text:{ru:`Последний день отпуска раньше первого`,en:`The last day of the vacation is before the first`}}})),_i=O({networkId:T().check(C(),S(1)),availabilities:D(fr),bookingRules:D(pi),travel:A(D(hi),[]),vacations:A(D(gi),[]),calendar:k(zr),officialCalendar:k(mi),note:k(T())});function vi(e,t){let n=new Set;e.bookingRules.forEach((e,r)=>{n.has(e.serviceId)&&t.addIssue({code:`custom`,path:[`bookingRules`,r,`serviceId`],params:{text:{ru:`\u041F\u0440\u0430\u0432\u0438\u043B\u0430 \u0437\u0430\u043F\u0438\u0441\u0438 \u043D\u0430 \u0443\u0441\u043B\u0443\u0433\u0443 \xAB${e.serviceId}\xBB \u0437\u0430\u0434\u0430\u043D\u044B \u0434\u0432\u0430\u0436\u0434\u044B`,en:`Booking rules for service "${e.serviceId}" are given twice`}}}),n.add(e.serviceId)}),e.availabilities.forEach((e,r)=>{n.has(e.serviceId)||t.addIssue({code:`custom`,path:[`availabilities`,r,`serviceId`],params:{text:{ru:`\u0414\u043B\u044F \u0443\u0441\u043B\u0443\u0433\u0438 \xAB${e.serviceId}\xBB \u043D\u0435\u0442 \u043F\u0440\u0430\u0432\u0438\u043B \u0437\u0430\u043F\u0438\u0441\u0438`,en:`Service "${e.serviceId}" has no booking rules`}}})})}var yi=_i.check(M(vi));function bi(e){return I(yi,e)}var xi=400,Si=E().check(x(0),b(10080));function Ci(e,t){let n=Fr(e.from,e.to);n<0?t.addIssue({code:`custom`,path:[`to`],params:{text:{ru:`Дата окончания раньше даты начала`,en:`The end date is before the start date`}}}):n>=xi&&t.addIssue({code:`custom`,path:[`to`],params:{text:{ru:`\u041F\u0435\u0440\u0438\u043E\u0434 \u0434\u043B\u0438\u043D\u043D\u0435\u0435 ${xi} \u0434\u043D\u0435\u0439`,en:`The period is longer than ${xi} days`}}})}function wi(e,t,n){return e.some(e=>e.specialistId===t&&e.from<=n&&n<=e.to)}var Ti=O({specialistId:Pn,siteId:L,serviceId:k(R),start:B,end:B,seats:A(E().check(x(1)),1)}).check(j(e=>e.start<e.end,{path:[`end`],params:{text:{ru:`Конец занятого времени не позже начала`,en:`The busy interval ends before it starts`}}}));O({serviceId:R,availabilities:D(fr),from:F,to:F,now:B,duration:E().check(x(1),b(1440)),step:k(E().check(x(1),b(1440))),bufferBefore:A(Si,0),bufferAfter:A(Si,0),minimumNotice:A(E().check(x(0)),0),horizonDays:k(E().check(x(0))),seats:A(E().check(x(1)),1),limits:A(O({perDay:k(E().check(x(0))),perWeek:k(E().check(x(0)))}),{}),travel:A(D(hi),[]),travelSymmetric:A(Jt(),!0),busy:A(D(Ti),[]),calendar:k(zr),vacations:A(D(gi),[])}).check(M(Ci)),O({from:F,to:F,now:B}).check(M(Ci)),_i.check(M((e,t)=>{if(e.officialCalendar!==`none`&&e.calendar!==void 0)try{Jr(ui,e.calendar)}catch{t.addIssue({code:`custom`,path:[`calendar`],params:{text:{ru:`Календарь сети противоречит производственному календарю (день и выходной, и рабочий); уберите противоречие или укажите officialCalendar: "none"`,en:`The network calendar contradicts the official one (a day both off and working); remove the contradiction or set officialCalendar: "none"`}}})}vi(e,t)}));var Ei=new WeakMap;function Di(e){if(e.officialCalendar===`none`)return e.calendar??Br;if(e.calendar===void 0)return ui;let t=e,n=Ei.get(t);return n===void 0&&(n=Jr(ui,e.calendar),Ei.set(t,n)),n}function Oi(e,t,n,r=[]){if(wi(r,e.specialistId,n))return[];let i=Gr(t,n,{siteId:e.siteId});if(i===`holiday`||i===`closed`)return[];let a=Nr(n);if(i===`weekend`&&a<=5||e.closedOnSchoolHolidays&&Ur(t,n,{siteId:e.siteId})!==void 0)return[];let o=Wr(t,n),s=pr(e,n,o!==void 0&&e.worksOnWorkingWeekends?o.worksAs??a:a);if(i!==`shortened`||s.length===0)return s;let c=Math.max(...s.map(e=>e.end))-60;return s.map(e=>({start:e.start,end:Math.min(e.end,c)})).filter(e=>e.start<e.end)}var ki=O({timeZone:rr,slots:D(O({specialistId:T().check(S(1)),siteId:T().check(S(1)),serviceId:T().check(S(1)),start:B,end:B,seatsLeft:E().check(x(1))}).check(j(e=>e.start<e.end,{path:[`end`],params:{text:{ru:`Конец слота должен быть позже начала`,en:`The end of a slot must be after its start`}}})))}),Ai=globalThis,ji=Ai.ShadowRoot&&(Ai.ShadyCSS===void 0||Ai.ShadyCSS.nativeShadow)&&`adoptedStyleSheets`in Document.prototype&&`replace`in CSSStyleSheet.prototype,Mi=Symbol(),Ni=new WeakMap,Pi=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==Mi)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(ji&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=Ni.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&Ni.set(t,e))}return e}toString(){return this.cssText}},Fi=e=>new Pi(typeof e==`string`?e:e+``,void 0,Mi),G=(e,...t)=>new Pi(e.length===1?e[0]:t.reduce((t,n,r)=>t+(e=>{if(!0===e._$cssResult$)return e.cssText;if(typeof e==`number`)return e;throw Error(`Value passed to 'css' function must be a 'css' function result: `+e+`. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.`)})(n)+e[r+1],e[0]),e,Mi),Ii=(e,t)=>{if(ji)e.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let n of t){let t=document.createElement(`style`),r=Ai.litNonce;r!==void 0&&t.setAttribute(`nonce`,r),t.textContent=n.cssText,e.appendChild(t)}},Li=ji?e=>e:e=>e instanceof CSSStyleSheet?(e=>{let t=``;for(let n of e.cssRules)t+=n.cssText;return Fi(t)})(e):e,{is:Ri,defineProperty:zi,getOwnPropertyDescriptor:Bi,getOwnPropertyNames:Vi,getOwnPropertySymbols:Hi,getPrototypeOf:Ui}=Object,Wi=globalThis,Gi=Wi.trustedTypes,Ki=Gi?Gi.emptyScript:``,qi=Wi.reactiveElementPolyfillSupport,Ji=(e,t)=>e,Yi={toAttribute(e,t){switch(t){case Boolean:e=e?Ki:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let n=e;switch(t){case Boolean:n=e!==null;break;case Number:n=e===null?null:Number(e);break;case Object:case Array:try{n=JSON.parse(e)}catch{n=null}}return n}},Xi=(e,t)=>!Ri(e,t),Zi={attribute:!0,type:String,converter:Yi,reflect:!1,useDefault:!1,hasChanged:Xi};Symbol.metadata??=Symbol(`metadata`),Wi.litPropertyMetadata??=new WeakMap;var K=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Zi){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),r=this.getPropertyDescriptor(e,n,t);r!==void 0&&zi(this.prototype,e,r)}}static getPropertyDescriptor(e,t,n){let{get:r,set:i}=Bi(this.prototype,e)??{get(){return this[t]},set(e){this[t]=e}};return{get:r,set(t){let a=r?.call(this);i?.call(this,t),this.requestUpdate(e,a,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Zi}static _$Ei(){if(this.hasOwnProperty(Ji(`elementProperties`)))return;let e=Ui(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Ji(`finalized`)))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ji(`properties`))){let e=this.properties,t=[...Vi(e),...Hi(e)];for(let n of t)this.createProperty(n,e[n])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[e,n]of t)this.elementProperties.set(e,n)}this._$Eh=new Map;for(let[e,t]of this.elementProperties){let n=this._$Eu(e,t);n!==void 0&&this._$Eh.set(n,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let e of n)t.unshift(Li(e))}else e!==void 0&&t.push(Li(e));return t}static _$Eu(e,t){let n=t.attribute;return!1===n?void 0:typeof n==`string`?n:typeof e==`string`?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ii(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),r=this.constructor._$Eu(e,n);if(r!==void 0&&!0===n.reflect){let i=(n.converter?.toAttribute===void 0?Yi:n.converter).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(r):this.setAttribute(r,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,r=n._$Eh.get(e);if(r!==void 0&&this._$Em!==r){let e=n.getPropertyOptions(r),i=typeof e.converter==`function`?{fromAttribute:e.converter}:e.converter?.fromAttribute===void 0?Yi:e.converter;this._$Em=r;let a=i.fromAttribute(t,e.type);this[r]=a??this._$Ej?.get(r)??a,this._$Em=null}}requestUpdate(e,t,n,r=!1,i){if(e!==void 0){let a=this.constructor;if(!1===r&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??Xi)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}!1===this.isUpdatePending&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:r,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),!0!==i||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),!0===r&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[e,t]of this._$Ep)this[e]=t;this._$Ep=void 0}let e=this.constructor.elementProperties;if(e.size>0)for(let[t,n]of e){let{wrapped:e}=n,r=this[t];!0!==e||this._$AL.has(t)||r===void 0||this.C(t,void 0,n,r)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(t){throw e=!1,this._$EM(),t}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(e){}firstUpdated(e){}};K.elementStyles=[],K.shadowRootOptions={mode:`open`},K[Ji(`elementProperties`)]=new Map,K[Ji(`finalized`)]=new Map,qi?.({ReactiveElement:K}),(Wi.reactiveElementVersions??=[]).push(`2.1.2`);var Qi=globalThis,$i=e=>e,ea=Qi.trustedTypes,ta=ea?ea.createPolicy(`lit-html`,{createHTML:e=>e}):void 0,na=`$lit$`,q=`lit$${Math.random().toFixed(9).slice(2)}$`,ra=`?`+q,ia=`<${ra}>`,J=document,aa=()=>J.createComment(``),oa=e=>e===null||typeof e!=`object`&&typeof e!=`function`,sa=Array.isArray,ca=e=>sa(e)||typeof e?.[Symbol.iterator]==`function`,la=`[ 	
\f\r]`,ua=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,da=/-->/g,fa=/>/g,Y=RegExp(`>|${la}(?:([^\\s"'>=/]+)(${la}*=${la}*(?:[^ \t\n\f\r"'\`<>=]|("|')|))|$)`,`g`),pa=/'/g,ma=/"/g,ha=/^(?:script|style|textarea|title)$/i,X=(e=>(t,...n)=>({_$litType$:e,strings:t,values:n}))(1),ga=Symbol.for(`lit-noChange`),Z=Symbol.for(`lit-nothing`),_a=new WeakMap,Q=J.createTreeWalker(J,129);function va(e,t){if(!sa(e)||!e.hasOwnProperty(`raw`))throw Error(`invalid template strings array`);return ta===void 0?t:ta.createHTML(t)}var ya=(e,t)=>{let n=e.length-1,r=[],i,a=t===2?`<svg>`:t===3?`<math>`:``,o=ua;for(let t=0;t<n;t++){let n=e[t],s,c,l=-1,u=0;for(;u<n.length&&(o.lastIndex=u,c=o.exec(n),c!==null);)u=o.lastIndex,o===ua?c[1]===`!--`?o=da:c[1]===void 0?c[2]===void 0?c[3]!==void 0&&(o=Y):(ha.test(c[2])&&(i=RegExp(`</`+c[2],`g`)),o=Y):o=fa:o===Y?c[0]===`>`?(o=i??ua,l=-1):c[1]===void 0?l=-2:(l=o.lastIndex-c[2].length,s=c[1],o=c[3]===void 0?Y:c[3]===`"`?ma:pa):o===ma||o===pa?o=Y:o===da||o===fa?o=ua:(o=Y,i=void 0);let d=o===Y&&e[t+1].startsWith(`/>`)?` `:``;a+=o===ua?n+ia:l>=0?(r.push(s),n.slice(0,l)+na+n.slice(l)+q+d):n+q+(l===-2?t:d)}return[va(e,a+(e[n]||`<?>`)+(t===2?`</svg>`:t===3?`</math>`:``)),r]},ba=class e{constructor({strings:t,_$litType$:n},r){let i;this.parts=[];let a=0,o=0,s=t.length-1,c=this.parts,[l,u]=ya(t,n);if(this.el=e.createElement(l,r),Q.currentNode=this.el.content,n===2||n===3){let e=this.el.content.firstChild;e.replaceWith(...e.childNodes)}for(;(i=Q.nextNode())!==null&&c.length<s;){if(i.nodeType===1){if(i.hasAttributes())for(let e of i.getAttributeNames())if(e.endsWith(na)){let t=u[o++],n=i.getAttribute(e).split(q),r=/([.?@])?(.*)/.exec(t);c.push({type:1,index:a,name:r[2],strings:n,ctor:r[1]===`.`?Ta:r[1]===`?`?Ea:r[1]===`@`?Da:wa}),i.removeAttribute(e)}else e.startsWith(q)&&(c.push({type:6,index:a}),i.removeAttribute(e));if(ha.test(i.tagName)){let e=i.textContent.split(q),t=e.length-1;if(t>0){i.textContent=ea?ea.emptyScript:``;for(let n=0;n<t;n++)i.append(e[n],aa()),Q.nextNode(),c.push({type:2,index:++a});i.append(e[t],aa())}}}else if(i.nodeType===8){if(i.data===ra)c.push({type:2,index:a});else{let e=-1;for(;(e=i.data.indexOf(q,e+1))!==-1;)c.push({type:7,index:a}),e+=q.length-1}}a++}}static createElement(e,t){let n=J.createElement(`template`);return n.innerHTML=e,n}};function xa(e,t,n=e,r){if(t===ga)return t;let i=r===void 0?n._$Cl:n._$Co?.[r],a=oa(t)?void 0:t._$litDirective$;return i?.constructor!==a&&(i?._$AO?.(!1),a===void 0?i=void 0:(i=new a(e),i._$AT(e,n,r)),r===void 0?n._$Cl=i:(n._$Co??=[])[r]=i),i!==void 0&&(t=xa(e,i._$AS(e,t.values),i,r)),t}var Sa=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,r=(e?.creationScope??J).importNode(t,!0);Q.currentNode=r;let i=Q.nextNode(),a=0,o=0,s=n[0];for(;s!==void 0;){if(a===s.index){let t;s.type===2?t=new Ca(i,i.nextSibling,this,e):s.type===1?t=new s.ctor(i,s.name,s.strings,this,e):s.type===6&&(t=new Oa(i,this,e)),this._$AV.push(t),s=n[++o]}a!==s?.index&&(i=Q.nextNode(),a++)}return Q.currentNode=J,r}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings===void 0?n._$AI(e[t]):(n._$AI(e,n,t),t+=n.strings.length-2)),t++}},Ca=class e{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,r){this.type=2,this._$AH=Z,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=xa(this,e,t),oa(e)?e===Z||e==null||e===``?(this._$AH!==Z&&this._$AR(),this._$AH=Z):e!==this._$AH&&e!==ga&&this._(e):e._$litType$===void 0?e.nodeType===void 0?ca(e)?this.k(e):this._(e):this.T(e):this.$(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==Z&&oa(this._$AH)?this._$AA.nextSibling.data=e:this.T(J.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,r=typeof n==`number`?this._$AC(e):(n.el===void 0&&(n.el=ba.createElement(va(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===r)this._$AH.p(t);else{let e=new Sa(r,this),n=e.u(this.options);e.p(t),this.T(n),this._$AH=e}}_$AC(e){let t=_a.get(e.strings);return t===void 0&&_a.set(e.strings,t=new ba(e)),t}k(t){sa(this._$AH)||(this._$AH=[],this._$AR());let n=this._$AH,r,i=0;for(let a of t)i===n.length?n.push(r=new e(this.O(aa()),this.O(aa()),this,this.options)):r=n[i],r._$AI(a),i++;i<n.length&&(this._$AR(r&&r._$AB.nextSibling,i),n.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let t=$i(e).nextSibling;$i(e).remove(),e=t}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},wa=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,r,i){this.type=1,this._$AH=Z,this._$AN=void 0,this.element=e,this.name=t,this._$AM=r,this.options=i,n.length>2||n[0]!==``||n[1]!==``?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=Z}_$AI(e,t=this,n,r){let i=this.strings,a=!1;if(i===void 0)e=xa(this,e,t,0),a=!oa(e)||e!==this._$AH&&e!==ga,a&&(this._$AH=e);else{let r=e,o,s;for(e=i[0],o=0;o<i.length-1;o++)s=xa(this,r[n+o],t,o),s===ga&&(s=this._$AH[o]),a||=!oa(s)||s!==this._$AH[o],s===Z?e=Z:e!==Z&&(e+=(s??``)+i[o+1]),this._$AH[o]=s}a&&!r&&this.j(e)}j(e){e===Z?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??``)}},Ta=class extends wa{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===Z?void 0:e}},Ea=class extends wa{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==Z)}},Da=class extends wa{constructor(e,t,n,r,i){super(e,t,n,r,i),this.type=5}_$AI(e,t=this){if((e=xa(this,e,t,0)??Z)===ga)return;let n=this._$AH,r=e===Z&&n!==Z||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==Z&&(n===Z||r);r&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH==`function`?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},Oa=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){xa(this,e)}},ka=Qi.litHtmlPolyfillSupport;ka?.(ba,Ca),(Qi.litHtmlVersions??=[]).push(`3.3.3`);var Aa=(e,t,n)=>{let r=n?.renderBefore??t,i=r._$litPart$;if(i===void 0){let e=n?.renderBefore??null;r._$litPart$=i=new Ca(t.insertBefore(aa(),e),e,void 0,n??{})}return i._$AI(e),i},ja=globalThis,Ma=class extends K{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Aa(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return ga}};Ma._$litElement$=!0,Ma.finalized=!0,ja.litElementHydrateSupport?.({LitElement:Ma});var Na=ja.litElementPolyfillSupport;Na?.({LitElement:Ma}),(ja.litElementVersions??=[]).push(`4.2.2`);var Pa=class extends Error{constructor(e,t,n){super(`${t.ru} / ${t.en}`,{cause:n.cause}),this._tag=`FetchJsonError`,this.name=`FetchJsonError`,this.kind=e,this.text=t,this.url=n.url,this.status=n.status,this.issues=n.issues??[]}};function Fa(e){return e.map(e=>typeof e==`number`?`[${e}]`:`.${e}`).join(``).replace(/^\./,``)}function Ia(e){let t=e[0],n=t===void 0?``:Fa(t.path),r=e=>n===``?e:`${n}: ${e}`,i=e.length>1?e.length-1:0;return{ru:`Данные с сервера не прошли проверку`+(t===void 0?`.`:` \u2014 ${r(t.message.ru)}`)+(i>0?` (\u0438 \u0435\u0449\u0451 \u043F\u0440\u043E\u0431\u043B\u0435\u043C: ${i}).`:t===void 0?``:`.`),en:`The data from the server did not pass validation`+(t===void 0?`.`:` \u2014 ${r(t.message.en)}`)+(i>0?` (and ${i} more).`:t===void 0?``:`.`)}}function La(e){if(n(e)&&e._tag===`ValidationError`){let t=e.issues;if(Array.isArray(t))return t}return[]}function Ra(e,t){return typeof e==`function`?e(t):e.parse(t)}async function za(e,t,n={}){let r=String(e),{signal:i}=n,a;try{a=await fetch(r,{headers:{Accept:`application/json`,...n.headers},...i?{signal:i}:{}})}catch(e){throw i?.aborted?i.reason:new Pa(`network`,{ru:`Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.`,en:`Could not reach the server. Check the connection and try again.`},{url:r,cause:e})}if(!a.ok)throw new Pa(`http`,{ru:`\u0421\u0435\u0440\u0432\u0435\u0440 \u043E\u0442\u0432\u0435\u0442\u0438\u043B \u043E\u0448\u0438\u0431\u043A\u043E\u0439 ${a.status}. \u041F\u043E\u043F\u0440\u043E\u0431\u0443\u0439\u0442\u0435 \u043F\u043E\u0437\u0436\u0435.`,en:`The server answered with error ${a.status}. Please try again later.`},{url:r,status:a.status});let o;try{o=JSON.parse(await a.text())}catch(e){throw i?.aborted?i.reason:new Pa(`json`,{ru:`Сервер прислал данные в неверном формате (ожидался JSON).`,en:`The server sent data in a wrong format (JSON was expected).`},{url:r,status:a.status,cause:e})}try{return Ra(t,o)}catch(e){let t=La(e);throw new Pa(`validation`,Ia(t),{url:r,status:a.status,issues:t,cause:e})}}var Ba=Object.prototype.hasOwnProperty;Date.prototype.toISOString;function $(e,t){if(e!=null)for(let n=0;n<e.length;n+=1){let r=e[n];if(t(r))return r}}function Va(e){let t=[];for(let n in e)Ba.call(e,n)&&(t[t.length]=[n,e[n]]);return t}function Ha(e){return I(ki,e)}var Ua=class{constructor(e,t){this.base=e.replace(/\/+$/,``),this.network=t==null||t===``?void 0:t}url(e,t={}){let n=new URLSearchParams;for(let[e,r]of Va(t))r!==void 0&&r!==``&&n.set(e,String(r));this.network!==void 0&&n.set(`network`,this.network);let r=n.toString();return`${this.base}${e}${r===``?``:`?${r}`}`}resolve(e){return new URL(e,new URL(this.base+`/`,document.baseURI)).href}slots(e,t){return za(this.url(`/slots`,{...e}),{parse:Ha},t?{signal:t}:{})}};function Wa(e,t){try{return new Intl.DateTimeFormat(t,{timeZone:e,timeZoneName:`long`}).formatToParts(new Date).find(e=>e.type===`timeZoneName`)?.value??e}catch{return e}}var Ga=class extends Ua{schedule(e){return za(this.url(`/schedule`),bi,e?{signal:e}:{})}networkData(e){return za(this.url(`/network`),er,e?{signal:e}:{})}},Ka=class extends CustomEvent{constructor(e){super(`eduset-filter-change`,{detail:e,bubbles:!0,composed:!0})}},qa=class extends CustomEvent{constructor(e){super(`eduset-error`,{detail:e,bubbles:!0,composed:!0})}},Ja={ru:`Не удалось загрузить данные`,en:`Could not load the data`},Ya=class{constructor(e,t={}){this.state=`idle`,this.error=null,this.host=e,this.options=t,e.addController(this)}fetch(e,t,n){this.load(e,n=>za(e,t,{signal:n}),n)}load(e,t,n){this.controller?.abort();let r=new AbortController;this.controller=r,this.last=()=>this.load(e,t,n),this.state=`loading`,this.error=null,this.host.requestUpdate(),t(r.signal).then(e=>{r.signal.aborted||(this.state=`loaded`,n(e),this.host.requestUpdate())},t=>{if(r.signal.aborted)return;let n=t instanceof Pa?t:new Pa(`network`,this.options.fallback??Ja,{url:e,cause:t});this.error=n,this.state=`error`,this.host.requestUpdate(),(this.options.dispatchErrors??!0)&&this.host.dispatchEvent(new qa({error:n}))})}abort(){this.controller?.abort(),this.controller=void 0}reset(){this.abort(),this.state=`idle`,this.error=null,this.host.requestUpdate()}errorText(e){return this.error===null?``:fn(this.error.text,e)}renderError(e,t,n,r){return X`<div part=${n??Z} class="error" role=${r??Z}>
      <strong>${e}</strong>
      ${this.error?X`<p>${fn(this.error.text,t)}</p>`:Z}
    </div>`}hostConnected(){this.state===`loading`&&this.controller===void 0&&this.last?.()}hostDisconnected(){this.abort()}};function Xa(e){let t=(e??``).trim().toLowerCase().split(`-`)[0];if(t===`ru`)return`ru`;if(t===`en`)return`en`}function Za(e){if(e.parentElement)return e.parentElement;let t=e.getRootNode();return t instanceof ShadowRoot?t.host:null}function Qa(e){for(let t=e;t!==null;t=Za(t)){let e=t.getAttribute(`lang`);if(e!==null&&e.trim()!==``)return Xa(e)??`ru`}return Xa(e.ownerDocument.documentElement.getAttribute(`lang`))??`ru`}var $a=`0.1.0`,eo=new Set,to;function no(e){eo.add(e),to===void 0&&(to=new MutationObserver(()=>{for(let e of eo)e.requestUpdate()}),to.observe(document.documentElement,{attributes:!0,attributeFilter:[`lang`],subtree:!0}))}function ro(e){eo.delete(e),eo.size>0||to===void 0||(to.disconnect(),to=void 0)}var io=new Set,ao=class extends Ma{static{this.version=$a}static{this.styles=[]}static define(e,t){let n=customElements.get(e);if(n===this)return;if(n!==void 0){if(io.has(e))return;io.add(e);let t=n.version,r=typeof t==`string`?t:`?`;console.warn(`eduset: <${e}> \u0443\u0436\u0435 \u0437\u0430\u0440\u0435\u0433\u0438\u0441\u0442\u0440\u0438\u0440\u043E\u0432\u0430\u043D \u0434\u0440\u0443\u0433\u0438\u043C \u043A\u043B\u0430\u0441\u0441\u043E\u043C (\u0432\u0435\u0440\u0441\u0438\u044F ${r}), \u0432\u0435\u0440\u0441\u0438\u044F ${this.version} \u043D\u0435 \u0440\u0435\u0433\u0438\u0441\u0442\u0440\u0438\u0440\u0443\u0435\u0442\u0441\u044F. / <${e}> is already defined by another class (version ${r}); version ${this.version} is not registered.`);return}let r=customElements.getName(this)===null?this:class extends this{};customElements.define(e,r,t)}static get observedAttributes(){let e=super.observedAttributes;return e.includes(`lang`)?e:[...e,`lang`]}get language(){return Qa(this)}connectedCallback(){super.connectedCallback(),no(this)}disconnectedCallback(){super.disconnectedCallback(),ro(this)}attributeChangedCallback(e,t,n){super.attributeChangedCallback(e,t,n),e===`lang`&&t!==n&&this.requestUpdate()}},oo=G`
  --_color-text: var(--eduset-color-text, #e6edf3);
  --_color-text-muted: var(--eduset-color-text-muted, #9198a1);
  --_color-primary: var(--eduset-color-primary, #58a6ff);
  --_color-on-primary: var(--eduset-color-on-primary, #0d1117);
  --_color-surface: var(--eduset-color-surface, #0d1117);
  --_color-surface-raised: var(--eduset-color-surface-raised, #161b22);
  --_color-border: var(--eduset-color-border, #656c76);
  --_color-danger: var(--eduset-color-danger, #ff7b72);
  --_color-success: var(--eduset-color-success, #3fb950);
  --_color-warning: var(--eduset-color-warning, #d29922);
  --_color-focus: var(--eduset-color-focus, #58a6ff);
  color-scheme: dark;
`,so=G`
  :host {
    --_font-family: var(
      --eduset-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      sans-serif
    );
    --_font-size: var(--eduset-font-size, 16px);
    --_color-text: var(--eduset-color-text, #1f2328);
    --_color-text-muted: var(--eduset-color-text-muted, #4f5660);
    --_color-primary: var(--eduset-color-primary, #0b5cad);
    --_color-on-primary: var(--eduset-color-on-primary, #ffffff);
    --_color-surface: var(--eduset-color-surface, #ffffff);
    --_color-surface-raised: var(--eduset-color-surface-raised, #f6f8fa);
    --_color-border: var(--eduset-color-border, #8c959f);
    --_color-danger: var(--eduset-color-danger, #b42318);
    --_color-success: var(--eduset-color-success, #1a7f37);
    --_color-warning: var(--eduset-color-warning, #9a6700);
    --_color-focus: var(--eduset-color-focus, #0b5cad);
    --_radius: var(--eduset-radius, calc(0.5 * var(--_font-size)));
    --_spacing: var(--eduset-spacing, var(--_font-size));

    display: block;
    /* A host page's own rules (even \`* { font-size: 40px !important }\` or
       \`html { font-size: 10px }\`) do not reach inside: the element's base size and text
       settings win here (an !important of a shadow tree beats the page's), and everything
       inside is sized in em of this base. Theme through the custom properties. */
    box-sizing: border-box !important;
    font-family: var(--_font-family) !important;
    font-size: var(--_font-size) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    white-space: normal !important;
    color: var(--_color-text) !important;
  }

  :host([theme='dark']) {
    ${oo}
  }

  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${oo}
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`,co=G`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    justify-self: start;
    max-width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    font: inherit;
    color: var(--_color-primary);
    text-align: center;
    text-decoration: none;
    overflow-wrap: break-word;
    background: var(--_color-surface);
    border: 1px solid var(--_color-primary);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  button.primary,
  .button.primary,
  button[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
  button.link {
    display: inline;
    padding: 0.25em 0;
    color: var(--_color-primary);
    text-align: start;
    text-decoration: underline;
    background: none;
    border: 0;
  }
  button.danger {
    color: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  button[aria-busy='true']::after {
    content: '…';
  }
`,lo=G`
  .card {
    min-width: 0;
    padding: 0.75em;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .card.raised {
    background: var(--_color-surface-raised);
  }
  .card.accent {
    border: 2px solid var(--_color-primary);
  }
  .card.danger {
    border: 2px solid var(--_color-danger);
  }
`,uo=G`
  .chip {
    display: inline-flex;
    align-items: center;
    min-height: 0;
    padding: 0 0.6em;
    font-size: 0.85em;
    font-weight: 400;
    line-height: 1.6;
    color: var(--_color-text-muted);
    white-space: nowrap;
    background: none;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .chip.success {
    color: var(--_color-success);
  }
  .chip.warning {
    color: var(--_color-warning);
  }
  .chip.danger {
    color: var(--_color-danger);
  }
  .chip.primary {
    color: var(--_color-primary);
    background: none;
  }
  button.chip {
    min-height: 2.75em;
    padding: 0.25em 0.9em;
    color: var(--_color-primary);
  }
  button.chip[aria-pressed='true'] {
    color: var(--_color-on-primary);
    background: var(--_color-primary);
  }
`,fo=G`
  details {
    margin: 0.25em 0 0.5em;
  }
  summary {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    color: var(--_color-primary);
    list-style: none;
    cursor: pointer;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary::before {
    content: '▸';
  }
  details[open] > summary::before {
    content: '▾';
  }
`,po=G`
  /* In a row of fields (a grid or a flex row) every control sits at the row's bottom, lined up
     with its neighbours whatever the height of their labels; a field never stretches its control. */
  .field {
    display: grid;
    align-content: end;
    gap: 0.25em;
    min-width: 0;
  }
  .field > label,
  .field > .label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  /* Widths by the expected length of the answer (GOV.UK's width classes): a text input is as
     wide as the column up to 30em (a long text), a number 10 characters, a date or a time its
     own picker, a select its longest choice; width-N fits N characters, width-full the
     whole column. Never wider than the column on a phone. */
  .field > input:not([type='checkbox'], [type='radio']),
  .field > select {
    justify-self: start;
    width: var(--_field-width, 100%);
    max-width: min(100%, var(--_field-max, 30em));
  }
  :where(.field > input[type='number']) {
    --_field-width: calc(10ch + 2.5em);
  }
  :where(
    .field > input[type='date'],
    .field > input[type='month'],
    .field > input[type='time'],
    .field > select
  ) {
    --_field-width: auto;
  }
  .field > select {
    min-width: min(100%, 11.5em);
  }
  .field > textarea {
    width: 100%;
    max-width: min(100%, 40em);
  }
  .width-2 {
    --_field-width: calc(2ch + 2.5em);
  }
  .width-3 {
    --_field-width: calc(3ch + 2.5em);
  }
  .width-4 {
    --_field-width: calc(4ch + 2.5em);
  }
  .width-5 {
    --_field-width: calc(5ch + 2.5em);
  }
  .width-10 {
    --_field-width: calc(10ch + 2.5em);
  }
  .width-20 {
    --_field-width: calc(20ch + 1.5em);
  }
  .width-30 {
    --_field-width: calc(30ch + 1.5em);
    --_field-max: 100%;
  }
  .width-full {
    --_field-width: 100%;
    --_field-max: 100%;
  }
  .checkbox {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .checkbox > input {
    flex: none;
    margin: 0.15em 0 0;
  }
  .radio {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.75em;
    font-weight: normal;
  }
  .radio > input {
    flex: none;
    margin: 0;
  }
  .field-error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .field.invalid,
  fieldset.invalid {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_color-danger);
  }
  input:not([type='checkbox'], [type='radio'], [type='range']),
  select,
  textarea {
    max-width: 100%;
    min-height: 2.75em;
    padding: 0.375em 0.5em;
    font: inherit;
    color: inherit;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) / 2);
  }
  textarea {
    width: 100%;
    resize: vertical;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25em;
    height: 1.25em;
    accent-color: var(--_color-primary);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_color-danger);
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    color: var(--_color-text-muted);
    background: var(--_color-surface-raised);
    border-style: dashed;
    cursor: not-allowed;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  fieldset.boxed {
    padding: 0.5em 0.75em 0.75em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .error-summary {
    display: grid;
    gap: 0.25em;
    padding: 0.75em 1em;
    color: var(--_color-text);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .error-summary:focus {
    outline: 3px solid var(--_color-focus);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }
`,mo={name:`age`,type:`number`,inputmode:`numeric`,min:0,max:25,step:1},ho=e=>({hint:`${e}-hint`,error:`${e}-error`}),go=e=>e===void 0?Z:`width-${e}`,_o=(e,t,n,r=[])=>{let i=ho(e),a=[...r,t?i.hint:``,n?i.error:``].filter(Boolean).join(` `);return a===``?void 0:a},vo=e=>{let t=e.error??null,n=e.hint??null,r=_o(e.id,n!==null,t!==null,e.describedBy)??Z,i=t===null&&e.invalid!==!0?Z:`true`,a=e.type===`textarea`?X`<textarea
          id=${e.id}
          name=${e.name??Z}
          rows=${e.rows??Z}
          maxlength=${e.maxlength??Z}
          .value=${e.value}
          ?required=${e.required===!0}
          ?disabled=${e.disabled===!0}
          part=${e.controlPart??Z}
          aria-describedby=${r}
          aria-invalid=${i}
          @input=${e.onInput}
          @change=${e.onChange}
        ></textarea>`:X`<input
          id=${e.id}
          name=${e.name??Z}
          type=${e.type??`text`}
          class=${go(e.width)}
          .value=${e.value}
          ?required=${e.required===!0}
          ?disabled=${e.disabled===!0}
          part=${e.controlPart??Z}
          autocomplete=${e.autocomplete??Z}
          inputmode=${e.inputmode??Z}
          min=${e.min??Z}
          max=${e.max??Z}
          step=${e.step??Z}
          maxlength=${e.maxlength??Z}
          pattern=${e.pattern??Z}
          placeholder=${e.placeholder??Z}
          aria-describedby=${r}
          aria-invalid=${i}
          @input=${e.onInput}
          @change=${e.onChange}
        />`;return yo(e.id,e.label,n,t,a,e.part)},yo=(e,t,n,r,i,a)=>{let o=ho(e);return X`<div class=${r===null?`field`:`field invalid`} part=${a??Z}>
    <label for=${e}>${t}</label>
    ${n===null?Z:X`<span class="hint" id=${o.hint}>${n}</span>`}
    ${r===null?Z:X`<span class="field-error" part="field-error" id=${o.error}>${r}</span>`}
    ${i}
  </div>`},bo=[co,po,uo,lo,G`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    padding: 0.35em 0.4em;
    border-bottom: 1px solid var(--_color-border);
    text-align: left;
    vertical-align: top;
  }
  .table thead th {
    font-size: 0.85em;
    font-weight: 600;
    vertical-align: bottom;
  }
  .table td.num {
    font-size: 0.95em;
  }
  .table tbody th {
    min-width: 11em;
  }
  .table .num {
    text-align: right;
    white-space: nowrap;
  }
  .table tfoot th,
  .table tfoot td {
    font-weight: 600;
    border-top: 2px solid var(--_color-text);
  }
  @container (max-width: 44em) {
    .table:not(.sortable) thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    .table,
    .table tbody,
    .table tfoot,
    .table tr,
    .table th,
    .table td {
      display: block;
    }
    .table tr {
      padding: 0.5em 0;
      border-bottom: 2px solid var(--_color-border);
    }
    .table th,
    .table td {
      border: 0;
      padding: 0.15em 0;
    }
    .table td.num,
    .table td[data-label] {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      text-align: right;
      white-space: normal;
    }
    .table td[data-label]::before {
      content: attr(data-label);
      text-align: left;
      color: var(--_color-text-muted);
    }
    .table tfoot th,
    .table tfoot td {
      border-top: 0;
    }
    .table.sortable thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
    }
    .table.sortable thead th:not([aria-sort]) {
      display: none;
    }
  }
`,fo];function xo(e,t){return t===`en`?e.nameEn??e.name:e.name}function So(e,t,n){let r=$(e?.services,e=>e.id===t);return r===void 0?t:xo(r,n)}function Co(e,t){return $(e?.specialists,e=>e.id===t)?.name??t}var wo=new Intl.PluralRules(`en`),To={lang:`en`,filters:`Find a site`,childAge:`Child's age, full years`,childAgeHint:`Leave empty to see sites for all ages`,service:`Service`,anyService:`Any service`,resetFilters:`Clear filters`,loading:`Loading the list of sites…`,loadFailed:`Could not load the list of sites`,retry:`Try again`,siteCount:e=>`${e} ${wo.select(e)===`one`?`site`:`sites`}`,sitesFound:e=>`${To.siteCount(e)} found`,schoolYear:e=>kn(e,`long`,`en`),noSitesMatch:`No sites match the chosen filters. Change the age or the service, or clear the filters.`,noSitesInYear:e=>`No sites are open in the ${kn(e,`long`,`en`)}.`,hostOrganization:`Organization`,address:`Address`,phone:`Phone`,services:`Services`,ages:`Children's ages`,ageRange:(e,t)=>e===t?`age ${e}`:`ages ${e}\u2013${t}`,booking:{title:`Book a consultation`,loading:`Loading the schedule…`,loadFailed:`Could not load the schedule`,step:(e,t)=>`Step ${e} of ${t}`,chooseService:`What do you need help with?`,noServices:`No service can be booked online right now.`,chooseProvider:`Where and with whom?`,anyProvider:`Any specialist at any site`,bySite:`Site`,bySpecialist:`Specialist`,chooseSlot:`Choose a time`,slotsLoading:`Loading free times…`,noSlots:`No free time on these days. Look at other days or choose another site.`,slotsHint:`Use the arrow keys to move between times and Enter to choose.`,timeZoneNote:e=>`Times are in the site's time zone (${e}).`,earlier:`Earlier days`,later:`Later days`,period:(e,t)=>`Free times from ${e} to ${t}`,seatsLeft:e=>`${e} ${e===1?`seat`:`seats`} left`,contactTitle:`Contacts and consent`,name:`Parent's name`,phone:`Phone`,email:`E-mail`,contactHint:`Give a phone number or an e-mail address, at least one.`,childAge:`Child's age in full years`,note:`Note for the specialist`,noteHint:`Optional. What the specialist should know beforehand, up to 500 characters. Seen only by the specialist and the service coordinator.`,noteTooLong:`The note is longer than 500 characters; please shorten it.`,consent:`I consent to the processing of my personal data to book the consultation (Federal Law No. 152-FZ)`,submit:`Book`,submitting:`Sending the booking…`,back:`Back`,nameRequired:`Give a name.`,contactRequired:`Give a phone number or an e-mail address.`,phoneInvalid:`The phone number is incomplete: give it with the area code, e.g. +7 912 345-67-89.`,emailInvalid:`The e-mail address is not valid.`,ageInvalid:`Give the child's age as a whole number of years from 0 to 25.`,consentRequired:`A booking cannot be made without consent to personal-data processing (152-FZ).`,errorsFound:e=>`Please check the form: ${e} ${e===1?`error`:`errors`}.`,chooseAnotherSlot:`Choose another time`,confirmedTitle:`You are booked`,service:`Service`,site:`Site`,specialist:`Specialist`,when:`When`,addToCalendar:`Add to calendar`,cancelBooking:`Cancel the booking`,cancelling:`Cancelling the booking…`,cancelledTitle:`The booking is cancelled`,bookAgain:`Book again`,childAgeFirstHint:`If you know the age, enter it: only the services for that age, and times the child can be booked for, stay.`,servicesForOtherAges:`Services for children of other ages are not shown.`,forAges:e=>`for children, ${e}`,ageNeeded:e=>`Enter the child's age: this service is for children, ${e}.`,ageNotForService:e=>`This service is for children, ${e}. Check the age or choose another service.`,manageLink:`Link to manage the booking`,manageHint:`Keep this link or bookmark the page: with it you can see, move or cancel the booking from any device, even after you close this page.`,selectedSlot:`Chosen time`},schedule:{title:`When and where specialists receive`,filters:`Filter by age and service`,loading:`Loading the schedule…`,loadFailed:`Could not load the schedule`,thisWeek:`This week`,nextWeek:`Next week`,week:`Week`,weekRange:(e,t)=>`${e} \u2013 ${t}`,dayOff:`day off`,noHours:`no hours`,freeSlots:e=>`${e} free`,noFreeSlots:`fully booked`,freeSlotsLoading:`Loading free times…`,nothing:`No hours match the chosen filters this week.`,specialist:`Specialist`,day:`Day`,hours:`Hours`,timeZoneNote:e=>`Times are in the sites' time zone (${e}).`}},Eo=e=>`${e} ${N(e,{one:`год`,few:`года`,many:`лет`})}`,Do={lang:`ru`,filters:`Подбор площадки`,childAge:`Возраст ребёнка, полных лет`,childAgeHint:`Оставьте пустым, чтобы увидеть площадки для всех возрастов`,service:`Услуга`,anyService:`Любая услуга`,resetFilters:`Сбросить фильтры`,loading:`Загружаем список площадок…`,loadFailed:`Не удалось загрузить список площадок`,retry:`Повторить`,siteCount:e=>`${e} ${N(e,{one:`площадка`,few:`площадки`,many:`площадок`})}`,sitesFound:e=>`${N(e,{one:`Найдена`,few:`Найдено`,many:`Найдено`})} ${Do.siteCount(e)}`,schoolYear:e=>kn(e,`long`,`ru`),noSitesMatch:`Нет площадок, подходящих под выбранные условия. Измените возраст или услугу либо сбросьте фильтры.`,noSitesInYear:e=>`\u0412 ${kn(e,`long`,`ru`).replace(`учебный год`,`учебном году`)} \u043F\u043B\u043E\u0449\u0430\u0434\u043A\u0438 \u043D\u0435 \u0440\u0430\u0431\u043E\u0442\u0430\u044E\u0442.`,hostOrganization:`Организация`,address:`Адрес`,phone:`Телефон`,services:`Услуги`,ages:`Возраст детей`,ageRange:(e,t)=>e===t?Eo(e):`\u043E\u0442 ${e} \u0434\u043E ${t} ${N(t,{one:`года`,few:`лет`,many:`лет`})}`,booking:{title:`Запись на консультацию`,loading:`Загружаем расписание…`,loadFailed:`Не удалось загрузить расписание`,step:(e,t)=>`\u0428\u0430\u0433 ${e} \u0438\u0437 ${t}`,chooseService:`С чем нужна помощь?`,noServices:`Сейчас нет услуг, на которые можно записаться через сайт.`,chooseProvider:`Где и к кому записаться?`,anyProvider:`Любой специалист на любой площадке`,bySite:`Площадка`,bySpecialist:`Специалист`,chooseSlot:`Выберите время`,slotsLoading:`Загружаем свободное время…`,noSlots:`В эти дни свободного времени нет. Посмотрите другие дни или выберите другую площадку.`,slotsHint:`Стрелки — перейти к другому времени, Enter — выбрать.`,timeZoneNote:e=>`\u0412\u0440\u0435\u043C\u044F \u0443\u043A\u0430\u0437\u0430\u043D\u043E \u043F\u043E \u0447\u0430\u0441\u043E\u0432\u043E\u043C\u0443 \u043F\u043E\u044F\u0441\u0443 \u043F\u043B\u043E\u0449\u0430\u0434\u043A\u0438 (${e}).`,earlier:`Предыдущие дни`,later:`Следующие дни`,period:(e,t)=>`\u0421\u0432\u043E\u0431\u043E\u0434\u043D\u043E\u0435 \u0432\u0440\u0435\u043C\u044F \u0441 ${e} \u043F\u043E ${t}`,seatsLeft:e=>`\u043E\u0441\u0442\u0430\u043B\u043E\u0441\u044C ${e} ${N(e,{one:`место`,few:`места`,many:`мест`})}`,contactTitle:`Контакты и согласие`,name:`Имя родителя`,phone:`Телефон`,email:`Электронная почта`,contactHint:`Укажите телефон или электронную почту — хотя бы одно.`,childAge:`Возраст ребёнка, полных лет`,note:`Комментарий для специалиста`,noteHint:`Необязательно. Что специалисту важно знать заранее — до 500 символов. Видят только специалист и координатор службы.`,noteTooLong:`Комментарий длиннее 500 символов — сократите его.`,consent:`Я даю согласие на обработку моих персональных данных для записи на консультацию (Федеральный закон № 152-ФЗ)`,submit:`Записаться`,submitting:`Отправляем запись…`,back:`Назад`,nameRequired:`Укажите имя.`,contactRequired:`Укажите телефон или электронную почту.`,phoneInvalid:`Телефон указан не полностью: нужен номер с кодом, например 8 912 345-67-89.`,emailInvalid:`Адрес электронной почты указан неверно.`,ageInvalid:`Укажите возраст ребёнка — целое число лет от 0 до 25.`,consentRequired:`Без согласия на обработку персональных данных (152-ФЗ) записаться нельзя.`,errorsFound:e=>`\u041F\u0440\u043E\u0432\u0435\u0440\u044C\u0442\u0435 \u0444\u043E\u0440\u043C\u0443: ${e} ${N(e,{one:`ошибка`,few:`ошибки`,many:`ошибок`})}.`,chooseAnotherSlot:`Выбрать другое время`,confirmedTitle:`Вы записаны`,service:`Услуга`,site:`Площадка`,specialist:`Специалист`,when:`Когда`,addToCalendar:`Добавить в календарь`,cancelBooking:`Отменить запись`,cancelling:`Отменяем запись…`,cancelledTitle:`Запись отменена`,bookAgain:`Записаться ещё раз`,childAgeFirstHint:`Если знаете возраст, укажите его: останутся услуги для этого возраста и свободное время, на которое можно записать ребёнка.`,servicesForOtherAges:`Услуги для детей другого возраста не показаны.`,forAges:e=>`\u0434\u043B\u044F \u0434\u0435\u0442\u0435\u0439 ${e}`,ageNeeded:e=>`\u0423\u043A\u0430\u0436\u0438\u0442\u0435 \u0432\u043E\u0437\u0440\u0430\u0441\u0442 \u0440\u0435\u0431\u0451\u043D\u043A\u0430: \u044D\u0442\u0430 \u0443\u0441\u043B\u0443\u0433\u0430 \u2014 \u0434\u043B\u044F \u0434\u0435\u0442\u0435\u0439 ${e}.`,ageNotForService:e=>`\u042D\u0442\u0430 \u0443\u0441\u043B\u0443\u0433\u0430 \u2014 \u0434\u043B\u044F \u0434\u0435\u0442\u0435\u0439 ${e}. \u041F\u0440\u043E\u0432\u0435\u0440\u044C\u0442\u0435 \u0432\u043E\u0437\u0440\u0430\u0441\u0442 \u0438\u043B\u0438 \u0432\u044B\u0431\u0435\u0440\u0438\u0442\u0435 \u0434\u0440\u0443\u0433\u0443\u044E \u0443\u0441\u043B\u0443\u0433\u0443.`,manageLink:`Ссылка для управления записью`,manageHint:`Сохраните эту ссылку или добавьте страницу в закладки: по ней можно посмотреть, перенести или отменить запись с любого устройства, даже после того как вы закроете эту страницу.`,selectedSlot:`Выбранное время`},schedule:{title:`Когда и где принимают специалисты`,filters:`Подбор по возрасту и услуге`,loading:`Загружаем расписание…`,loadFailed:`Не удалось загрузить расписание`,thisWeek:`Эта неделя`,nextWeek:`Следующая неделя`,week:`Неделя`,weekRange:(e,t)=>`\u0441 ${e} \u043F\u043E ${t}`,dayOff:`выходной`,noHours:`нет приёма`,freeSlots:e=>`\u0441\u0432\u043E\u0431\u043E\u0434\u043D\u043E ${e}`,noFreeSlots:`всё занято`,freeSlotsLoading:`Загружаем свободное время…`,nothing:`По выбранным условиям приёма на этой неделе нет.`,specialist:`Специалист`,day:`День`,hours:`Часы приёма`,timeZoneNote:e=>`\u0412\u0440\u0435\u043C\u044F \u0443\u043A\u0430\u0437\u0430\u043D\u043E \u043F\u043E \u0447\u0430\u0441\u043E\u0432\u043E\u043C\u0443 \u043F\u043E\u044F\u0441\u0443 \u043F\u043B\u043E\u0449\u0430\u0434\u043E\u043A (${e}).`}},Oo={ru:Do,en:To},ko=e=>{let t=e.error??null,n=e.hint??null;return yo(e.id,e.label,n,t,X`<select
      id=${e.id}
      name=${e.name??Z}
      class=${go(e.width)}
      ?required=${e.required===!0}
      ?disabled=${e.disabled===!0}
      part=${e.controlPart??Z}
      aria-describedby=${_o(e.id,n!==null,t!==null,e.describedBy)??Z}
      aria-invalid=${t===null?Z:`true`}
      @change=${e.onChange}
    >
      ${e.options.map(t=>X`<option value=${t.value} .selected=${t.value===e.value}>
            ${t.label}
          </option>`)}
    </select>`,e.part)},Ao=[so,bo,G`
    :host {
      --_gap: var(--eduset-schedule-gap, var(--_spacing));
      --_day-off-color: var(--eduset-schedule-day-off-color, var(--_color-danger));
      container-type: inline-size;
    }

    .schedule {
      display: grid;
      gap: var(--_gap);
    }

    h2,
    h3,
    h4,
    p {
      margin: 0;
    }

    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      margin: 0;
      padding: var(--_gap);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface-raised);
    }

    .field {
      flex: 1 1 14em;
    }

    .weeks {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
    }

    .week-range,
    .hint,
    .address,
    .service {
      color: var(--_color-text-muted);
    }

    .hint,
    .service {
      font-size: 0.875em;
    }

    .error {
      color: var(--_color-danger);
    }

    .site {
      display: grid;
      gap: 0.5em;
      padding-top: var(--_gap);
      border-top: 1px solid var(--_color-border);
    }

    .specialist,
    .service {
      display: block;
    }

    .day-off {
      display: block;
      color: var(--_day-off-color);
      font-weight: 600;
    }

    .range,
    .free-slots {
      display: block;
    }

    .free-slots {
      font-size: 0.875em;
      color: var(--_color-primary);
    }

    .free-slots.none {
      color: var(--_color-text-muted);
    }

    .grid-wrap {
      display: none;
      overflow-x: auto;
    }

    .week-grid {
      width: 100%;
      border-collapse: collapse;
      background: var(--_color-surface);
    }

    .week-grid th,
    .week-grid td {
      padding: 0.375em 0.5em;
      border: 1px solid var(--_color-border);
      text-align: start;
      vertical-align: top;
    }

    .week-grid thead th {
      background: var(--_color-surface-raised);
    }

    .day-list,
    .entries {
      display: grid;
      gap: 0.5em;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .entries li {
      padding-inline-start: 0.75em;
      border-inline-start: 3px solid var(--_color-border);
    }

    @container (min-width: 48em) {
      .grid-wrap {
        display: block;
      }

      .day-list {
        display: none;
      }
    }
  `],jo=`Europe/Moscow`;function Mo(e){return e==null||!Number.isFinite(e)?null:e>=0&&e<=25?Math.trunc(e):null}var No={fromAttribute:e=>e===null||e.trim()===``?null:Mo(Number(e)),toAttribute:e=>e===null?null:String(e)};function Po(e){let t=e=>String(e).padStart(2,`0`);return`${t(Math.floor(e/60))}:${t(e%60)}`}(class extends ao{constructor(){super(),this.loader=new Ya(this),this.srcBase=null,this.network=null,this.age=null,this.service=null,this.week=`this`,this.schedule=null,this.networkData=null,this.slots=null,this.slotsState=`idle`}get translation(){return Oo[this.language]}static{this.styles=Ao}static{this.properties={srcBase:{type:String,attribute:`src-base`},network:{type:String},age:{converter:No},service:{type:String},week:{type:String},schedule:{attribute:!1},networkData:{attribute:!1},slots:{state:!0},slotsState:{state:!0}}}disconnectedCallback(){super.disconnectedCallback(),this.slotsController?.abort()}willUpdate(e){(e.has(`srcBase`)||e.has(`network`))&&this.srcBase&&this.load(),(e.has(`service`)||e.has(`week`)||e.has(`age`)||e.has(`schedule`))&&this.schedule!==null&&this.loadSlots()}reload(){this.srcBase&&this.load()}get api(){return new Ga(this.srcBase??``,this.network)}load(){let e=this.api;this.loader.load(e.base,t=>Promise.all([e.schedule(t),e.networkData(t)]),([e,t])=>{this.networkData=t,this.schedule=e})}loadSlots(){this.slotsController?.abort(),this.slotsController=void 0;let e=this.service;if(!e||!this.srcBase){this.slots=null,this.slotsState=`idle`;return}let t=new AbortController;this.slotsController=t;let n=this.days(),r=Mo(this.age);this.slotsState=`loading`,this.api.slots({serviceId:e,from:n[0]??``,to:n[n.length-1]??``,childAge:r??void 0},t.signal).then(e=>{t.signal.aborted||(this.slots=e.slots,this.slotsState=`loaded`)},()=>{t.signal.aborted||(this.slots=null,this.slotsState=`error`)})}zone(){return this.schedule?.availabilities[0]?.timeZone??jo}days(){let e=this.today(),t=Pr(e,1-Nr(e)+(this.week===`next`?7:0));return Array.from({length:7},(e,n)=>Pr(t,n))}calendar(){return this.schedule===null?Br:Di(this.schedule)}serviceName(e){return So(this.networkData,e,this.language)}specialistName(e){return Co(this.networkData,e)}label(e){return e===void 0?void 0:fn(e,this.language)}dayOff(e,t,n){let r=this.calendar(),i=Gr(r,e,{siteId:t});if(i===`closed`)return this.label($(r.closures,t=>t.from<=e&&e<=t.to)?.label)??n.dayOff;if(i===`holiday`)return this.label($(r.holidays,t=>t.date===e)?.label)??n.dayOff;if(i===`weekend`&&Nr(e)<=5)return this.label($(r.transferredDaysOff,t=>t.date===e)?.label)??n.dayOff}ageFits(e,t){if(t===null)return!0;let n=$(this.networkData?.sites,t=>t.id===e.siteId);if(n&&(t<n.ages.from||t>n.ages.to))return!1;let r=$(this.schedule?.bookingRules,t=>t.serviceId===e.serviceId);return!(r?.ages&&(t<r.ages.from||t>r.ages.to))}blocks(e,t){let n=this.schedule;if(n===null)return[];let r=this.calendar(),i=this.today(),a=Mo(this.age),o=this.service,s=o&&this.slotsState===`loaded`?this.slots??[]:void 0,c=new Map;for(let l of n.availabilities){if(o&&l.serviceId!==o||!this.ageFits(l,a))continue;let u=e.map(e=>{let a=Oi(l,r,e,n.vacations),o=(e<i?void 0:s)?.filter(t=>t.siteId===l.siteId&&t.specialistId===l.specialistId&&t.serviceId===l.serviceId&&ni(t.start,l.timeZone).date===e).map(e=>ni(e.start,l.timeZone).time);return{date:e,hours:a,dayOff:a.length===0?this.dayOff(e,l.siteId,t):void 0,freeTimes:o}}),d=c.get(l.siteId)??[];d.push({availability:l,cells:u}),c.set(l.siteId,d)}let l=this.networkData?.sites??[];return[...c.entries()].map(([e,t])=>{let n=$(l,t=>t.id===e);return{siteId:e,name:n?.name??e,address:n?.address,rows:[...t].sort((e,t)=>this.specialistName(e.availability.specialistId).localeCompare(this.specialistName(t.availability.specialistId),`ru`)||e.availability.serviceId.localeCompare(t.availability.serviceId))}}).sort((e,t)=>e.name.localeCompare(t.name,`ru`))}servicesOffered(){let e=new Set((this.schedule?.availabilities??[]).map(e=>e.serviceId)),t=(this.networkData?.services??[]).map(e=>e.id);return[...e].sort((e,n)=>{let r=t.indexOf(e),i=t.indexOf(n);return(r===-1?t.length:r)-(i===-1?t.length:i)})}formatDay(e,t){return new Intl.DateTimeFormat(this.language===`en`?`en-GB`:`ru-RU`,{...t===`range`?{}:{weekday:t},day:`numeric`,month:t===`short`?`short`:`long`,timeZone:`UTC`}).format(new Date(`${e}T12:00:00Z`))}today(){return ni(wr(new Date),this.zone()).date}onAgeInput(e){let t=e.target;this.age=t.value===``?null:Mo(t.valueAsNumber),this.announceFilter()}onServiceChange(e){let t=e.target.value;this.service=t===``?null:t,this.announceFilter()}announceFilter(){this.dispatchEvent(new Ka({schoolYear:null,age:Mo(this.age),serviceId:$(this.networkData?.services,e=>e.id===this.service)?.id??null}))}onSubmit(e){e.preventDefault()}render(){let e=this.translation.schedule,t=this.loader.state===`loading`,n=this.loader.state===`error`,r=this.schedule!==null&&!t&&!n,i=this.days(),a=r?this.blocks(i,e):[];return X`
      <section
        part="base"
        class="schedule"
        aria-labelledby="title"
        aria-busy=${t?`true`:`false`}
      >
        <h2 part="title" id="title">${e.title}</h2>
        ${r?this.renderFilters(e,i):Z}
        <div part="status" class="status" aria-live="polite">
          ${t?X`<p>${e.loading}</p>`:Z}
          ${n?this.loader.renderError(e.loadFailed,this.language):Z}
          ${r&&this.slotsState===`loading`?X`<p>${e.freeSlotsLoading}</p>`:Z}
          ${r&&a.length===0?X`<p part="empty">${e.nothing}</p>`:Z}
        </div>
        ${n?X`<button type="button" class="secondary" @click=${this.reload}>
                ${this.translation.retry}
              </button>`:Z}
        ${r&&a.length>0?X`<p class="hint">${e.timeZoneNote(Wa(this.zone(),this.language))}</p>`:Z}
        ${a.map(t=>this.renderSite(t,i,e))}
      </section>
    `}renderFilters(e,t){let n=Mo(this.age),r=t[0]??``,i=t[t.length-1]??``;return X`
      <form
        part="filters"
        class="filters"
        role="search"
        aria-label=${e.filters}
        @submit=${this.onSubmit}
      >
        ${vo({...mo,id:`age`,controlPart:`age-input`,autocomplete:`off`,label:this.translation.childAge,value:n===null?``:String(n),onInput:this.onAgeInput})}
        ${ko({id:`service`,name:`service`,controlPart:`service-select`,label:this.translation.service,value:this.service??``,options:[{value:``,label:this.translation.anyService},...this.servicesOffered().map(e=>({value:e,label:this.serviceName(e)}))],onChange:this.onServiceChange})}
      </form>
      <div part="weeks" class="weeks" role="group" aria-label=${e.week}>
        <button
          part="week-button"
          type="button"
          data-week="this"
          aria-pressed=${this.week===`next`?`false`:`true`}
          @click=${()=>{this.week=`this`}}
        >
          ${e.thisWeek}
        </button>
        <button
          part="week-button"
          type="button"
          data-week="next"
          aria-pressed=${this.week===`next`?`true`:`false`}
          @click=${()=>{this.week=`next`}}
        >
          ${e.nextWeek}
        </button>
        <span class="week-range"
          >${e.weekRange(this.formatDay(r,`range`),this.formatDay(i,`range`))}</span
        >
      </div>
    `}renderCell(e,t){return X`${e.dayOff===void 0?e.hours.length===0?X`<span class="no-hours"
              ><span aria-hidden="true">—</span
              ><span class="visually-hidden">${t.noHours}</span></span
            >`:X`<span part="hours" class="hours"
              >${e.hours.map((e,t)=>X`${t>0?X`<span class="visually-hidden">, </span>`:Z}<span
                      class="range"
                      >${Po(e.start)}–${Po(e.end)}</span
                    >`)}</span
            >`:X`<span part="day-off" class="day-off">${e.dayOff}</span>`}${e.freeTimes!==void 0&&e.hours.length>0?e.freeTimes.length===0?X`<span part="free-slots" class="free-slots none" data-count="0"
              >${t.noFreeSlots}</span
            >`:X`<span part="free-slots" class="free-slots" data-count=${e.freeTimes.length}
              >${t.freeSlots(e.freeTimes.length)}: ${e.freeTimes.join(`, `)}</span
            >`:Z}`}rowTitle(e){return X`<span class="specialist"
        >${this.specialistName(e.availability.specialistId)}</span
      >
      <span class="service">${this.serviceName(e.availability.serviceId)}</span>`}renderSite(e,t,n){let r=`site-${e.siteId}`;return X`
      <section part="site" class="site" data-site-id=${e.siteId} aria-labelledby=${r}>
        <h3 part="site-name" id=${r}>${e.name}</h3>
        ${e.address?X`<p class="address">${e.address}</p>`:Z}
        <div class="grid-wrap">
          <table part="week-grid" class="week-grid">
            <caption class="visually-hidden">
              ${e.name}. ${n.hours}
            </caption>
            <thead>
              <tr>
                <th scope="col">${n.specialist}</th>
                ${t.map(t=>{let r=this.dayOff(t,e.siteId,n);return X`<th scope="col" data-date=${t}>
                    ${this.formatDay(t,`short`)}
                    ${r===void 0?Z:X`<span part="day-off" class="day-off">${r}</span>`}
                  </th>`})}
              </tr>
            </thead>
            <tbody>
              ${e.rows.map(e=>X`<tr>
                    <th scope="row">${this.rowTitle(e)}</th>
                    ${e.cells.map(e=>X`<td data-date=${e.date}>${this.renderCell(e,n)}</td>`)}
                  </tr>`)}
            </tbody>
          </table>
        </div>
        <ul part="day-list" class="day-list">
          ${t.map((t,r)=>{let i=this.dayOff(t,e.siteId,n),a=e.rows.flatMap(e=>{let t=e.cells[r];return t!==void 0&&t.hours.length>0?[{row:e,cell:t}]:[]});return X`<li class="day" data-date=${t}>
              <h4>
                ${this.formatDay(t,`long`)}${i===void 0?Z:X` — <span part="day-off" class="day-off">${i}</span>`}
              </h4>
              ${a.length===0?i===void 0?X`<p class="no-hours">${n.noHours}</p>`:Z:X`<ul class="entries">
                      ${a.map(({row:e,cell:t})=>X`<li>${this.rowTitle(e)} ${this.renderCell(t,n)}</li>`)}
                    </ul>`}
            </li>`})}
        </ul>
      </section>
    `}}).define(`eduset-schedule`);
//# sourceMappingURL=index-CdPpTLnc.js.map