import { mount } from 'svelte'
import Recipe from './Recipe.svelte'

mount(Recipe, { target: document.getElementById('app')! })
